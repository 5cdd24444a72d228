package org.stancebench.reports;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses the report's markup as XML for structural checks (no DTDs, no network). */
final class Xml {
    private Xml() {
    }

    static Document parse(String markup) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(markup)));
    }

    /** Every element named {@code tag} under {@code root} whose class attribute is {@code cls}. */
    static List<Element> byClass(Element root, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The SVG chart whose data-chart attribute is {@code name}, or null. */
    static Element chart(Document doc, String name) {
        NodeList svgs = doc.getElementsByTagName("svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            Element e = (Element) svgs.item(i);
            if (e.getAttribute("data-chart").equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** Every chart with data-chart starting with {@code prefix}. */
    static List<Element> charts(Document doc, String prefix) {
        List<Element> out = new ArrayList<>();
        NodeList svgs = doc.getElementsByTagName("svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            Element e = (Element) svgs.item(i);
            if (e.getAttribute("data-chart").startsWith(prefix)) {
                out.add(e);
            }
        }
        return out;
    }
}
