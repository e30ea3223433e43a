package org.marketlake.loader.read;

import java.util.concurrent.atomic.AtomicLong;
import org.marketlake.core.error.InvalidDataException;

/**
 * {@code performance.memory_limit}, shared by the readers of one load: each reserves the bytes it is about to
 * hold, and the load stops with a clear error before it holds more than the limit.
 */
final class MemoryBudget {
    private final long limitBytes;
    private final String limitText;
    private final AtomicLong used = new AtomicLong();

    public MemoryBudget(long limitBytes, String limitText) {
        this.limitBytes = limitBytes;
        this.limitText = limitText;
    }

    public static MemoryBudget unlimited() {
        return new MemoryBudget(Long.MAX_VALUE, "unlimited");
    }

    public void reserve(long bytes, String what) {
        long total = used.addAndGet(bytes);
        if (total > limitBytes) {
            throw new InvalidDataException("loading would exceed performance.memory_limit " + limitText + " (" + Sizes.human(total)
                    + " needed so far, at " + what + "): narrow the selection (year, month) or raise the limit").about("year", "month");
        }
    }

    public long used() {
        return used.get();
    }
}
