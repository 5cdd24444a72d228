package org.stancebench.dataset.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentenceSplitterTest {

    // Every expected split below was decided by hand, reading the sentence as an English reader would.
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain", "One. Two! Three?", List.of("One.", "Two!", "Three?")),
                Arguments.of("numbers with comma and point", "Up to 20,000 people. About 1.2 million remain.",
                        List.of("Up to 20,000 people.", "About 1.2 million remain.")),
                Arguments.of("initials", "So says J. R. Smith, an analyst. He is right.",
                        List.of("So says J. R. Smith, an analyst.", "He is right.")),
                Arguments.of("title abbreviation", "Dr. Arslan is cautious. Mr. Lee is not.",
                        List.of("Dr. Arslan is cautious.", "Mr. Lee is not.")),
                Arguments.of("dotted acronym mid-sentence", "U.N. observers attend. They watch.",
                        List.of("U.N. observers attend.", "They watch.")),
                Arguments.of("e.g. followed by capital", "Some words, e.g. Withdrawal, matter. Others do not.",
                        List.of("Some words, e.g. Withdrawal, matter.", "Others do not.")),
                Arguments.of("quote ends sentence", "He said \"Stop.\" Then he left.",
                        List.of("He said \"Stop.\"", "Then he left.")),
                Arguments.of("question inside quote continues", "\"Who is rearming?\" asked a paper. Nobody knew.",
                        List.of("\"Who is rearming?\" asked a paper.", "Nobody knew.")),
                Arguments.of("curly quotes", "“We opened a door,” she said. “Now walk.”",
                        List.of("“We opened a door,” she said.", "“Now walk.”")),
                Arguments.of("next sentence opens with quote", "It ended. \"Historic\" it was not.",
                        List.of("It ended.", "\"Historic\" it was not.")),
                Arguments.of("dashes do not split", "Six months ago — let alone today — nobody talked. Now they do.",
                        List.of("Six months ago — let alone today — nobody talked.", "Now they do.")),
                Arguments.of("en dash with e.g.", "Every hour – e.g. over commas – counts. Yes.",
                        List.of("Every hour – e.g. over commas – counts.", "Yes.")),
                Arguments.of("lower-case after stop is no new sentence", "It costs approx. ten. Fine.",
                        List.of("It costs approx. ten.", "Fine.")),
                Arguments.of("ellipsis and stacked marks", "Wait... What?! Really.",
                        List.of("Wait...", "What?!", "Really.")),
                Arguments.of("sentence starting with digit", "It began in March. 21 days passed.",
                        List.of("It began in March.", "21 days passed.")),
                Arguments.of("parenthesis", "They agreed (finally.) Then they slept.",
                        List.of("They agreed (finally.)", "Then they slept.")),
                Arguments.of("extra white space collapsed", "  One.\n  Two.  ", List.of("One.", "Two.")),
                Arguments.of("no terminator", "Long live negotiations", List.of("Long live negotiations")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splits(String name, String paragraph, List<String> expected) {
        assertEquals(expected, SentenceSplitter.split(paragraph));
    }

    @Test
    void blankGivesNothing() {
        assertEquals(List.of(), SentenceSplitter.split(" \n "));
    }

    @Test
    void builtInPageHas29BodySentencesAndJoinsBack() {
        // 29 counted by hand in page.txt: paragraphs of 3, 3, 4, 3, 3, 5, 4 and 4 sentences.
        List<Integer> expected = List.of(3, 3, 4, 3, 3, 5, 4, 4);
        Page page = PageParser.builtIn();
        for (int i = 0; i < page.paragraphs().size(); i++) {
            List<String> sentences = SentenceSplitter.split(page.paragraphs().get(i));
            assertEquals(expected.get(i), sentences.size(), "paragraph " + (i + 1) + ": " + sentences);
            assertEquals(page.paragraphs().get(i), String.join(" ", sentences));
        }
    }

    @Test
    void numbersNamesApostrophesAndDashesStayInsideTheirSentences() {
        // Sentences copied from page.txt by hand, each with the token that must not split it.
        List<String> all = PageParser.builtIn().paragraphs().stream().flatMap(p -> SentenceSplitter.split(p).stream()).toList();
        for (String sentence : List.of(
                "The return of the bodies of the dead, a new large-scale exchange of prisoners, the exchange of young, "
                        + "seriously wounded, and sick people—all of this alone made it worth starting.",
                "Now the Russian delegation can present a list of Ukraine’s real demands – 339 children.",
                "Of course, compared to the 20,000 that Ukraine’s envoys have consistently talked about in international "
                        + "forums, it looks pale.",
                "To Medinsky’s delight, the issue of family reunification and the return of children has moved to a higher level.",
                "The positions of Moscow and Kiev have not moved an inch closer together.",
                "And it is not in their interest to quarrel with the nervous US president.")) {
            assertTrue(all.contains(sentence), sentence);
        }
    }
}
