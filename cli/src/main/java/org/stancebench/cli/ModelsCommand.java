package org.stancebench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.io.Json;
import org.stancebench.model.ClassifierRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code stancebench models}: lists every registered classifier (built-in and plug-ins on the class
 * path) with its one-line description, names aligned in one column, sorted by name.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the registered classifiers (built-in and plug-ins on the class path) with a one-line description each.",
        footer = {"Plug-ins: with ./stancebench, put your jars on STANCEBENCH_CLASSPATH (':'-separated); "
                + "see docs/bring-your-own.md and examples/plugin-example."})
final class ModelsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    FormatOption format = new FormatOption();

    @Override
    public Integer call() {
        List<ClassifierFactory> all = ClassifierRegistry.all();
        int width = all.stream().mapToInt(f -> f.name().length()).max().orElse(0);
        PrintWriter out = spec.commandLine().getOut();
        if (format.resolve(List.of("text", "json")).equals("json")) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (ClassifierFactory f : all) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("name", f.name());
                row.put("description", f.description());
                rows.add(row);
            }
            out.print(Json.pretty(rows));
            out.flush();
            return 0;
        }
        for (ClassifierFactory f : all) {
            out.print(String.format("%-" + width + "s  %s", f.name(), f.description()) + "\n");
        }
        out.flush();
        return 0;
    }
}
