package org.marketlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's layout rules, over the main sources of every module: no package refers to its parent, and no two
 * packages refer to each other through any chain. A reference is an import or a qualified name in code
 * (comments are left out), so a rule cannot be dodged by writing the full name.
 */
class PackageRulesTest {
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("(org\\.marketlake(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private static Map<String, Set<String>> references() throws IOException {
        Map<String, Set<String>> raw = new TreeMap<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("marketlake-")).toList()) {
                Path sources = module.resolve("src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        String text = Files.readString(file);
                        Matcher name = PACKAGE.matcher(text);
                        if (!name.find()) {
                            continue;
                        }
                        Set<String> targets = raw.computeIfAbsent(name.group(1), key -> new TreeSet<>());
                        Matcher reference = REFERENCE.matcher(COMMENTS.matcher(text).replaceAll(""));
                        while (reference.find()) {
                            targets.add(reference.group(1));
                        }
                    }
                }
            }
        }
        Map<String, Set<String>> graph = new TreeMap<>();
        raw.forEach((from, targets) -> {
            Set<String> known = new TreeSet<>();
            for (String target : targets) {
                if (raw.containsKey(target) && !target.equals(from)) {
                    known.add(target);
                }
            }
            graph.put(from, known);
        });
        return graph;
    }

    @Test
    void theRulesSeeEveryModule() throws IOException {
        Map<String, Set<String>> graph = references();
        assertThat(graph.keySet()).contains("org.marketlake.core.store", "org.marketlake.ingest.aggregate", "org.marketlake.loader.load",
                "org.marketlake.forecast.chronos", "org.marketlake.sources.jdbc", "org.marketlake.web.api", "org.marketlake.cli.lake");
        assertThat(graph.get("org.marketlake.cli.lake")).contains("org.marketlake.core.store");
    }

    @Test
    void noPackageRefersToItsParent() throws IOException {
        List<String> upward = new ArrayList<>();
        references().forEach((from, targets) -> targets.stream().filter(to -> from.startsWith(to + "."))
                .forEach(to -> upward.add(from + " -> " + to)));
        assertThat(upward).as("packages that refer to their parent").isEmpty();
    }

    @Test
    void noPackagesReferToEachOtherInACycle() throws IOException {
        assertThat(cycles(references())).as("package cycles").isEmpty();
    }

    /** The strongly connected groups of more than one package (Tarjan). */
    private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        int[] counter = {0};
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, found, counter);
            }
        }
        return found;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
            List<String> stack, Set<String> onStack, List<Set<String>> found, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]++);
        stack.add(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, found, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> group = new TreeSet<>();
            String member;
            do {
                member = stack.remove(stack.size() - 1);
                onStack.remove(member);
                group.add(member);
            } while (!member.equals(node));
            if (group.size() > 1) {
                found.add(group);
            }
        }
    }

    static {
        if (!Files.isDirectory(Path.of("../marketlake-core"))) {
            throw new UncheckedIOException(new IOException("run from a module folder: ../marketlake-core not found"));
        }
    }
}
