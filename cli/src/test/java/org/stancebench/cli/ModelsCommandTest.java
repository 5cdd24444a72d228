package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.model.ClassifierRegistry;

class ModelsCommandTest {

    @Test
    void listsEveryRegisteredClassifierWithItsDescriptionAligned() {
        CliRun run = CliRun.run("models");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        List<ClassifierFactory> all = ClassifierRegistry.all();
        assertEquals(all.size(), lines.size(), run.out());
        int column = all.stream().mapToInt(f -> f.name().length()).max().orElseThrow() + 2;
        for (int i = 0; i < all.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.startsWith(all.get(i).name() + " "), line);
            assertEquals(all.get(i).description(), line.substring(column), "description starts in one column");
        }
        assertTrue(run.out().contains("majority  "), run.out());
        assertTrue(lines.stream().map(l -> l.split(" ")[0]).toList()
                .containsAll(List.of("lexicon", "majority", "naive-bayes", "stratified")), run.out());
    }
}
