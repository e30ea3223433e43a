package org.marketlake.cli.history;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.core.store.Lake;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marketlake gc}: drops kept versions beyond the retention and leftovers of interrupted writes. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = "Remove kept file versions older than the retention (the log stays), versions no commit explains, and temporary leftovers.")
public final class GcCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--keep", paramLabel = "30d|N", defaultValue = "7d", converter = Retention.Converter.class,
            description = "Keep versions of commits younger than this (7d, 12h) or of the newest N commits (default: ${DEFAULT-VALUE}).")
    Retention keep;

    @Override
    public Integer call() {
        Lake.GcReport report = common.lake().gc(keep.age(), keep.commits());
        spec.commandLine().getOut().printf("removed %d version folder%s (%d bytes freed) and %d leftover file%s%n", report.versionsRemoved(),
                report.versionsRemoved() == 1 ? "" : "s", report.bytesFreed(), report.leftoversRemoved(), report.leftoversRemoved() == 1 ? "" : "s");
        return 0;
    }

    /** An age ({@code 30d}, {@code 12h}) or a count of commits ({@code 10}). */
    record Retention(Duration age, int commits) {
        static final class Converter implements CommandLine.ITypeConverter<Retention> {
            @Override
            public Retention convert(String text) {
                String value = text.strip();
                try {
                    if (value.endsWith("d")) {
                        return new Retention(Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1))), 0);
                    }
                    if (value.endsWith("h")) {
                        return new Retention(Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1))), 0);
                    }
                    // A count: versions of older commits go whatever their age.
                    return new Retention(Duration.ZERO, Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    throw new CommandLine.TypeConversionException("not a retention [value=" + text + "]: use 30d, 12h or a number of commits");
                }
            }
        }
    }
}
