package org.marketlake.ingest.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.marketlake.core.error.InvalidRequestException;

/**
 * The FILE arguments of an ingest as files: a file as it is; a folder as every data file under it (by
 * extension, hidden files skipped); a glob ({@code data/*.csv.gz}, {@code data/**.parquet}) as its matches.
 * Folders and globs expand in name order; a file named twice is read once.
 */
public final class InputFiles {
    private InputFiles() {}

    public static List<Path> expand(List<String> arguments) {
        if (arguments == null || arguments.isEmpty()) {
            throw new InvalidRequestException("no input files: name at least one FILE, folder or glob");
        }
        Set<Path> files = new LinkedHashSet<>();
        for (String argument : arguments) {
            files.addAll(expandOne(argument));
        }
        return List.copyOf(files);
    }

    private static List<Path> expandOne(String argument) {
        if (isGlob(argument)) {
            List<Path> matches = glob(argument);
            if (matches.isEmpty()) {
                throw new InvalidRequestException("no file matches [glob=" + argument + "]");
            }
            return matches;
        }
        Path path = Path.of(argument);
        if (Files.isDirectory(path)) {
            List<Path> found = walk(path, file -> InputFormat.recognised(file));
            if (found.isEmpty()) {
                throw new InvalidRequestException("no .csv, .jsonl or .parquet file in folder [folder=" + path + "]");
            }
            return found;
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidRequestException("no such file [file=" + path + "]");
        }
        InputFormat.of(path);
        return List.of(path);
    }

    private static boolean isGlob(String argument) {
        return argument.indexOf('*') >= 0 || argument.indexOf('?') >= 0 || argument.indexOf('[') >= 0 || argument.indexOf('{') >= 0;
    }

    private static List<Path> glob(String argument) {
        String normalized = argument.replace('\\', '/');
        int firstWild = firstWildcard(normalized);
        int slash = normalized.lastIndexOf('/', firstWild);
        Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : normalized.substring(0, slash));
        String pattern = slash < 0 ? normalized : normalized.substring(slash + 1);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return walk(base, file -> matcher.matches(base.relativize(file)) && InputFormat.recognised(file));
    }

    private static int firstWildcard(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return text.length();
    }

    private static List<Path> walk(Path folder, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> found = new ArrayList<>();
            paths.filter(Files::isRegularFile)
                    .filter(file -> !folder.relativize(file).toString().startsWith(".") && !file.getFileName().toString().startsWith("."))
                    .filter(keep)
                    .sorted()
                    .forEach(found::add);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
