package org.marketlake.ingest.input;

import org.marketlake.core.format.Printable;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Rejected rows, counted by reason, with the first few examples of each (file, line and what was wrong).
 * Not thread-safe: each reader fills its own and {@link #addAll} combines them in input order.
 */
public final class Rejections {
    /** How many examples are kept per reason. */
    public static final int EXAMPLES = 3;

    /** One rejected row: {@code trades.csv:17: price -1.5}. */
    public record Example(String file, long line, String detail) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + detail;
        }
    }

    private final Map<Reason, Long> counts = new EnumMap<>(Reason.class);
    private final Map<Reason, List<Example>> examples = new EnumMap<>(Reason.class);

    public void add(Reason reason, String file, long line, String detail) {
        counts.merge(reason, 1L, Long::sum);
        List<Example> kept = examples.computeIfAbsent(reason, r -> new ArrayList<>(EXAMPLES));
        if (kept.size() < EXAMPLES) {
            kept.add(new Example(file, line, Printable.of(detail)));
        }
    }

    /** Adds {@code later}'s rejections after this one's (examples keep input order). */
    public void addAll(Rejections later) {
        addAll(later, 0);
    }

    /** As {@link #addAll(Rejections)}, adding {@code lineOffset} to the lines of {@code later}'s examples. */
    public void addAll(Rejections later, long lineOffset) {
        for (Map.Entry<Reason, Long> entry : later.counts.entrySet()) {
            counts.merge(entry.getKey(), entry.getValue(), Long::sum);
        }
        for (Map.Entry<Reason, List<Example>> entry : later.examples.entrySet()) {
            List<Example> kept = examples.computeIfAbsent(entry.getKey(), r -> new ArrayList<>(EXAMPLES));
            for (Example example : entry.getValue()) {
                if (kept.size() < EXAMPLES) {
                    kept.add(new Example(example.file(), example.line() + lineOffset, example.detail()));
                }
            }
        }
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(Reason reason) {
        return counts.getOrDefault(reason, 0L);
    }

    public List<Example> examples(Reason reason) {
        return List.copyOf(examples.getOrDefault(reason, List.of()));
    }

    /** Reasons with at least one rejection, in declaration order. */
    public List<Reason> reasons() {
        return List.copyOf(counts.keySet());
    }

    /** The first example of the first reason (in declaration order), for one-line error messages; null when none. */
    public Example first() {
        for (List<Example> kept : examples.values()) {
            if (!kept.isEmpty()) {
                return kept.get(0);
            }
        }
        return null;
    }
}
