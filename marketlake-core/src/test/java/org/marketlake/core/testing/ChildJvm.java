package org.marketlake.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class's main method in a separate JVM with the test classpath: for crash and multi-process tests. */
public final class ChildJvm {
    private ChildJvm() {}

    public static Process start(Class<?> mainClass, Path log, String... args) throws IOException {
        return start(List.of("-Xmx512m"), mainClass, log, args);
    }

    /** As {@link #start(Class, Path, String...)}, with these JVM options (a heap limit, a collector). */
    public static Process start(List<String> jvmOptions, Class<?> mainClass, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("--add-opens=java.base/java.nio=ALL-UNNAMED"); // Arrow's memory module, as in surefire's argLine
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
