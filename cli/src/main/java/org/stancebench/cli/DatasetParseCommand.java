package org.stancebench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stancebench.dataset.page.Page;
import org.stancebench.dataset.page.PageParser;
import org.stancebench.io.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code stancebench dataset parse PAGE}: prints the parsed page as JSON (title, subtitle or null,
 * paragraphs, author, comments). A page that does not parse gives one line naming file and line.
 */
@Command(name = "parse", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Parse an opinion page (see docs/page-format.md) and print it as JSON on stdout:",
            "title, subtitle (null when absent), paragraphs, author {name, role}, comments [{index, author, text}]."})
final class DatasetParseCommand implements Callable<Integer> {


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PAGE", description = "The page file (UTF-8 text).")
    Path page;

    @Override
    public Integer call() throws IOException {
        Page parsed = PageParser.parse(page);
        spec.commandLine().getOut().print(toJson(parsed));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The page as indented JSON with {@code "\n"} line ends and a final newline. */
    static String toJson(Page page) throws IOException {
        ObjectNode root = Json.object();
        root.put("title", page.title());
        root.put("subtitle", page.subtitle());
        ArrayNode paragraphs = root.putArray("paragraphs");
        page.paragraphs().forEach(paragraphs::add);
        ObjectNode author = root.putObject("author");
        author.put("name", page.author().name());
        author.put("role", page.author().role());
        ArrayNode comments = root.putArray("comments");
        for (Page.Comment c : page.comments()) {
            ObjectNode o = comments.addObject();
            o.put("index", c.index());
            o.put("author", c.author());
            o.put("text", c.text());
        }
        return Json.pretty(root);
    }
}
