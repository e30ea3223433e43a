package org.marketlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** docs/CLI.md's help conventions, checked over every command: nothing undescribed, no summary cut mid-sentence. */
class HelpConventionsTest {

    private static List<CommandSpec> allCommands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(MarketLakeCommand.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine commandLine, List<CommandSpec> all) {
        all.add(commandLine.getCommandSpec());
        commandLine.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
    }

    @Test
    void everyOptionAndParameterHasADescription() {
        List<String> undescribed = new ArrayList<>();
        for (CommandSpec command : allCommands()) {
            for (OptionSpec option : command.options()) {
                if (!option.hidden() && String.join("", option.description()).isBlank()) {
                    undescribed.add(command.qualifiedName() + " " + option.longestName());
                }
            }
            for (PositionalParamSpec parameter : command.positionalParameters()) {
                if (!parameter.hidden() && String.join("", parameter.description()).isBlank()) {
                    undescribed.add(command.qualifiedName() + " " + parameter.paramLabel());
                }
            }
        }
        assertThat(undescribed).as("options without a description").isEmpty();
    }

    @Test
    void everyCommandSummaryIsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        for (CommandSpec command : allCommands()) {
            String[] description = command.usageMessage().description();
            if (description.length == 0 || description[0].isBlank()) {
                cut.add(command.qualifiedName() + ": no description");
                continue;
            }
            String last = description[description.length - 1].replace("%n", "").strip();
            if (!(last.endsWith(".") || last.endsWith(")") || last.endsWith(":"))) {
                cut.add(command.qualifiedName() + ": " + last);
            }
        }
        assertThat(cut).as("command descriptions that do not end a sentence").isEmpty();
    }
}
