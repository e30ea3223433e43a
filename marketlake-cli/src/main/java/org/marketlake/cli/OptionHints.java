package org.marketlake.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Turns the request parameters an exception names in the library's words ({@code "context length"}) into the
 * flags of the command that failed ({@code --context-length}). The library's parameter names are kebab-cased
 * to find the flag; the few whose flag is spelled otherwise are listed here, the one place that knows both.
 * A parameter the command has no option for is left out, so a hint never names a flag the user cannot give.
 */
final class OptionHints {
    private static final Map<String, String> SPELLED_OTHERWISE = Map.of(
            "time zone", "--tz",
            "any date", "--allow-any-date",
            "lake root", "--root",
            "column map", "--map");

    private OptionHints() {}

    /** {@code " (--start T, --end T)"} for the parameters the command has options for, else empty. */
    static String of(List<String> parameters, CommandLine commandLine) {
        List<String> flags = new ArrayList<>();
        for (String parameter : parameters) {
            String name = SPELLED_OTHERWISE.getOrDefault(parameter,
                    "--" + parameter.strip().toLowerCase(Locale.ROOT).replace(' ', '-'));
            OptionSpec option = find(commandLine, name);
            if (option != null) {
                flags.add(option.arity().max() > 0 && !option.paramLabel().isBlank() && !option.paramLabel().startsWith("<")
                        ? name + " " + option.paramLabel() : name);
            }
        }
        return flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")";
    }

    private static OptionSpec find(CommandLine commandLine, String name) {
        for (CommandLine at = commandLine; at != null; at = at.getParent()) {
            OptionSpec option = at.getCommandSpec().findOption(name);
            if (option != null) {
                return option;
            }
        }
        return null;
    }
}
