package org.marketlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./marketlake} examples of README.md and docs/*.md, run in order on a fresh demo lake, each expected
 * to exit 0. An example that needs input the demo does not provide (a CSV of the reader's own, a database, a
 * Chronos checkpoint, API keys, a server that runs until stopped) is listed in {@link #NEEDS_INPUT} with the reason, and the test prints it.
 */
class DocExamplesTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path SHARED = Path.of(System.getProperty("marketlake.shared", "../../shared")).toAbsolutePath().normalize();
    private static final Map<String, String> NEEDS_INPUT = new LinkedHashMap<>();

    static {
        NEEDS_INPUT.put("bars.csv", "the reader's own bars CSV");
        NEEDS_INPUT.put("actions.csv", "the reader's own corporate-actions file");
        NEEDS_INPUT.put("market.db", "the reader's own database");
        NEEDS_INPUT.put("jdbc:postgresql", "a PostgreSQL server");
        NEEDS_INPUT.put("APCA_", "Alpaca API keys");
        NEEDS_INPUT.put(" loader.yaml", "the reader's own loader config");
        NEEDS_INPUT.put("models/", "a Chronos-Bolt checkpoint folder");
        NEEDS_INPUT.put("series.json", "the reader's own series file");
        NEEDS_INPUT.put("--symbol AAPL", "AAPL bars, which the demo lake does not hold");
        // serve runs until Ctrl-C; ServeCommandTest and marketlake-web's WebApiTest and BrowserTest run it instead
        NEEDS_INPUT.put("./marketlake serve", "a server that runs until stopped");
    }

    @TempDir
    Path dir;

    @Test
    void everyDocumentedExampleRunsOnTheDemoLake() throws IOException {
        List<String> examples = examples();
        assertThat(examples).as("examples found").hasSizeGreaterThan(10);
        Path root = dir.resolve("lake");
        int ran = 0;
        for (String example : examples) {
            String skip = NEEDS_INPUT.entrySet().stream().filter(e -> example.contains(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
            if (skip != null) {
                System.out.println("not run (needs " + skip + "): " + example);
                continue;
            }
            List<String> args = new ArrayList<>(words(example.substring(example.indexOf("./marketlake") + "./marketlake".length())));
            args.replaceAll(word -> word.replace("../shared", SHARED.toString()).replace("ibm.png", dir.resolve("ibm.png").toString()));
            args.replaceAll(this::fromRepositoryRoot);
            args.addAll(commonOptions(args, root));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(example + "\n" + run.out() + run.err()).isZero();
            ran++;
        }
        System.out.println("ran " + ran + " of " + examples.size() + " documented examples");
        assertThat(ran).isGreaterThanOrEqualTo(10);
    }

    /**
     * The documented loader examples run from the repository root: {@code examples/loader.yaml} with its relative
     * {@code root_dir} (relative to the working directory) and {@code out/}. Here the working directory is the
     * module, so the config is copied with its root_dir made the same relative path under this test's folder
     * (nothing else changed), and {@code out/...} goes there too.
     */
    private String fromRepositoryRoot(String word) {
        try {
            if (word.startsWith("examples/") && word.endsWith(".yaml")) {
                Path copy = dir.resolve(word);
                if (!Files.exists(copy)) {
                    String yaml = Files.readString(REPO.resolve(word));
                    Matcher root = Pattern.compile("(?m)^(\\s*root_dir:\\s*)\"([^\"/][^\"]*)\"").matcher(yaml);
                    assertThat(root.find()).as("a relative root_dir in " + word).isTrue();
                    yaml = yaml.substring(0, root.start(2)) + dir.resolve(root.group(2)) + yaml.substring(root.end(2));
                    Files.createDirectories(copy.getParent());
                    Files.writeString(copy, yaml);
                }
                return copy.toString();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return word.startsWith("out/") ? dir.resolve(word).toString() : word;
    }

    /** {@code --root} and {@code --quiet} for the commands that take them (one that reads no lake refuses {@code --root}). */
    private static List<String> commonOptions(List<String> args, Path root) {
        picocli.CommandLine command = MarketLakeCommand.commandLine();
        for (String word : args) {
            picocli.CommandLine subcommand = command.getSubcommands().get(word);
            if (subcommand == null) {
                break;
            }
            command = subcommand;
        }
        List<String> options = new ArrayList<>();
        picocli.CommandLine.Model.OptionSpec rootOption = command.getCommandSpec().findOption("--root");
        if (rootOption != null && !rootOption.hidden()) {
            options.addAll(List.of("--root", root.toString()));
        }
        if (command.getCommandSpec().findOption("--quiet") != null) {
            options.add("--quiet");
        }
        return options;
    }

    /** Lines of fenced code blocks that run the tool, in document order (README first), comments removed. */
    private static List<String> examples() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(REPO.resolve("README.md")));
        try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> examples = new ArrayList<>();
        for (Path document : documents) {
            boolean inCode = false;
            for (String line : Files.readAllLines(document)) {
                if (line.startsWith("```")) {
                    inCode = !inCode;
                } else if (inCode && line.contains("./marketlake ")) {
                    examples.add(stripComment(line.strip()));
                }
            }
        }
        return examples;
    }

    private static String stripComment(String line) {
        Matcher comment = Pattern.compile("\\s+#\\s.*$").matcher(line);
        return comment.find() && !inQuotes(line, comment.start()) ? line.substring(0, comment.start()) : line;
    }

    private static boolean inQuotes(String line, int at) {
        int quotes = 0;
        for (int i = 0; i < at; i++) {
            if (line.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    /** Shell-like words: spaces separate, double or single quotes group. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(text);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
        }
        return words;
    }
}
