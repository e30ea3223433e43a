package org.marketlake.loader.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.core.error.InvalidFileNameException;
import org.marketlake.loader.config.LoaderConfig;

/**
 * Finds the files of the layout {@code {root}/{YYYY}/{MM}/{SYMBOL}_{TIMEFRAME}_h{HORIZON}_{YYYY}_{MM}_{HASH}.{ext}}
 * (design 000 section 1.2). Missing years and months are skipped; a {@code .parquet} or {@code .json} file whose
 * name the configured regex does not match, or that sits in another month's folder, is an
 * {@link InvalidFileNameException}. Other files (notes, the state file) are ignored.
 */
public final class FileDiscovery {
    private final LoaderConfig config;
    private final Path base;

    public FileDiscovery(LoaderConfig config) {
        this(config, config.dataPaths().rootDir());
    }

    /** Discovery under {@code base} (root_dir or one of its configured sub-folders). */
    public FileDiscovery(LoaderConfig config, Path base) {
        this.config = config;
        this.base = base;
    }

    /** Every matching file, both formats, sorted by year, month and symbol. */
    public List<FileInfo> discover(Selection selection) {
        List<FileInfo> found = new ArrayList<>();
        for (Path yearDir : children(base)) {
            String yearName = yearDir.getFileName().toString();
            if (!yearName.matches("[0-9]{4}") || !Files.isDirectory(yearDir)) {
                continue;
            }
            int year = Integer.parseInt(yearName);
            if (year < selection.firstYear() || year > selection.lastYear()) {
                continue;
            }
            for (int month = selection.firstMonth(); month <= selection.lastMonth(); month++) {
                Path monthDir = yearDir.resolve(String.format("%02d", month));
                if (!Files.isDirectory(monthDir)) {
                    continue;
                }
                for (Path file : children(monthDir)) {
                    if (isDataFile(file)) {
                        FileInfo info = parse(file, year, month);
                        if (selection.matches(info)) {
                            found.add(info);
                        }
                    }
                }
            }
        }
        found.sort(null);
        return found;
    }

    private boolean isDataFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".")
                && (name.endsWith(config.filePatterns().parquetExtension()) || name.endsWith(config.filePatterns().jsonExtension()));
    }

    /** Parses a file name with the configured regex (anchored at the start, as Python's {@code re.match}). */
    public FileInfo parse(Path file, int folderYear, int folderMonth) {
        String name = file.getFileName().toString();
        Matcher matcher = config.filePatterns().namingRegex().matcher(name);
        if (!matcher.lookingAt()) {
            throw new InvalidFileNameException("Filename does not match expected pattern " + config.filePatterns().namingRegex().pattern()
                    + " [file=" + file + "]: rename it as SYMBOL_1min_h15_YYYY_MM_HASH.parquet or move it out of the data folders");
        }
        FileInfo info;
        try {
            info = new FileInfo(file, matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)),
                    Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)), matcher.group(6), matcher.group(7));
        } catch (IllegalArgumentException e) {
            throw new InvalidFileNameException("Filename has a field out of range [file=" + file + "]: " + e.getMessage(), e);
        }
        if (info.year() != folderYear || info.month() != folderMonth) {
            throw new InvalidFileNameException(String.format("File names %04d-%02d but sits in the folder of %04d-%02d [file=%s]",
                    info.year(), info.month(), folderYear, folderMonth, file));
        }
        return info;
    }

    /**
     * The files to read for a selection: one series only (several symbols, timeframes, horizons or hashes in
     * the selection are a usage error listing them, so the caller narrows with --symbol, --timeframe,
     * --horizon or --hash), one file per month, the Parquet file where both formats hold a month.
     */
    public List<FileInfo> resolve(List<FileInfo> discovered) {
        Map<String, FileInfo> byStem = new LinkedHashMap<>();
        for (FileInfo file : discovered) {
            byStem.merge(file.stem(), file, (first, second) -> first.isParquet() ? first : second);
        }
        TreeSet<String> series = new TreeSet<>();
        byStem.values().forEach(file -> series.add(file.series()));
        if (series.size() > 1) {
            throw new InvalidRequestException("the selection holds " + series.size() + " series " + series
                    + ": narrow it by symbol, timeframe, horizon or hash").about("symbol", "timeframe", "horizon", "hash");
        }
        List<FileInfo> files = new ArrayList<>(byStem.values());
        files.sort(null);
        return files;
    }

    /** {@link #discover} then {@link #resolve}; no file at all is a {@link DataNotFoundException}. */
    public List<FileInfo> filesToRead(Selection selection) {
        List<FileInfo> files = resolve(discover(selection));
        if (files.isEmpty()) {
            throw new DataNotFoundException("No files found under " + base + " for " + describe(selection));
        }
        return files;
    }

    public static String describe(Selection selection) {
        StringBuilder text = new StringBuilder();
        text.append(selection.symbol().orElse("any symbol"));
        selection.timeframe().ifPresent(timeframe -> text.append(" ").append(timeframe));
        selection.horizon().ifPresent(horizon -> text.append(" h").append(horizon));
        selection.hash().ifPresent(hash -> text.append(" hash ").append(hash));
        if (selection.hasYears()) {
            text.append(" in ").append(selection.firstYear() == selection.lastYear()
                    ? selection.firstYear() : selection.firstYear() + ".." + selection.lastYear());
        }
        if (selection.firstMonth() != 1 || selection.lastMonth() != 12) {
            text.append(" months ").append(selection.firstMonth()).append("..").append(selection.lastMonth());
        }
        return text.toString();
    }

    private static List<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
