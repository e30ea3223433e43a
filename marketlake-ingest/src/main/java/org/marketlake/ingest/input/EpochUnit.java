package org.marketlake.ingest.input;

import org.marketlake.core.UsageException;

/** What a bare integer timestamp counts since 1970-01-01T00:00:00Z: the value of {@code --epoch-unit}. */
public enum EpochUnit {
    S("s", 1_000_000L, 1),
    MS("ms", 1_000L, 1),
    US("us", 1L, 1),
    NS("ns", 1L, 1_000L);

    private final String label;
    private final long microsPerUnit;
    private final long unitsPerMicro;

    EpochUnit(String label, long microsPerUnit, long unitsPerMicro) {
        this.label = label;
        this.microsPerUnit = microsPerUnit;
        this.unitsPerMicro = unitsPerMicro;
    }

    public String label() {
        return label;
    }

    /** Epoch microseconds; nanoseconds are floored (toward the past), never rounded. */
    public long toMicros(long value) {
        return unitsPerMicro == 1 ? Math.multiplyExact(value, microsPerUnit) : Math.floorDiv(value, unitsPerMicro);
    }

    public static EpochUnit parse(String text) {
        for (EpochUnit unit : values()) {
            if (unit.label.equals(text)) {
                return unit;
            }
        }
        throw new UsageException("unknown epoch unit [value=" + text + "]: use s, ms, us or ns");
    }

    @Override
    public String toString() {
        return label;
    }
}
