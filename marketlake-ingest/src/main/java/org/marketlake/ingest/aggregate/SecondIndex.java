package org.marketlake.ingest.aggregate;

import java.util.Arrays;

/**
 * Epoch second -> dense id (0, 1, 2... in order of first sight), an open-addressing hash over primitive
 * arrays. Per-second values live in dense arrays indexed by id, so growing the hash never moves them.
 * Sorted input hits the one-entry cache and never hashes.
 */
final class SecondIndex {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] slots;
    private int[] idOfSlot;
    private long[] keyOfId;
    private int count;
    private long lastKey = EMPTY;
    private int lastId = -1;

    SecondIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = new long[capacity];
        Arrays.fill(slots, EMPTY);
        idOfSlot = new int[capacity];
        keyOfId = new long[Math.max(16, expected)];
    }

    int size() {
        return count;
    }

    long key(int id) {
        return keyOfId[id];
    }

    /** The id of {@code key}, or -1. */
    int find(long key) {
        if (key == lastKey) {
            return lastId;
        }
        int mask = slots.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            long at = slots[slot];
            if (at == key) {
                return idOfSlot[slot];
            }
            if (at == EMPTY) {
                return -1;
            }
        }
    }

    /** The id of {@code key}, adding it (as id {@link #size()} - 1) when new. */
    int findOrAdd(long key) {
        if (key == lastKey) {
            return lastId;
        }
        if (count * 2 >= slots.length) {
            rehash(slots.length * 2);
        }
        int mask = slots.length - 1;
        int slot = hash(key) & mask;
        while (true) {
            long at = slots[slot];
            if (at == key) {
                lastKey = key;
                lastId = idOfSlot[slot];
                return lastId;
            }
            if (at == EMPTY) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        if (count == keyOfId.length) {
            keyOfId = Arrays.copyOf(keyOfId, count * 2);
        }
        slots[slot] = key;
        idOfSlot[slot] = count;
        keyOfId[count] = key;
        lastKey = key;
        lastId = count;
        return count++;
    }

    /** Ids ordered by key. */
    int[] sortedIds() {
        if (count == 0) {
            return new int[0];
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean sorted = true;
        for (int id = 0; id < count; id++) {
            min = Math.min(min, keyOfId[id]);
            max = Math.max(max, keyOfId[id]);
            if (id > 0 && keyOfId[id] < keyOfId[id - 1]) {
                sorted = false;
            }
        }
        int[] ids = new int[count];
        if (sorted) {
            for (int id = 0; id < count; id++) {
                ids[id] = id;
            }
            return ids;
        }
        if (max - min < (1L << 31)) {
            // Pack (key - min, id) into one long so a primitive sort orders them: no boxing for millions of ids.
            long[] packed = new long[count];
            for (int id = 0; id < count; id++) {
                packed[id] = ((keyOfId[id] - min) << 32) | id;
            }
            Arrays.sort(packed);
            for (int i = 0; i < count; i++) {
                ids[i] = (int) packed[i];
            }
            return ids;
        }
        Integer[] boxed = new Integer[count];
        for (int id = 0; id < count; id++) {
            boxed[id] = id;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(keyOfId[a], keyOfId[b]));
        for (int i = 0; i < count; i++) {
            ids[i] = boxed[i];
        }
        return ids;
    }

    private void rehash(int capacity) {
        long[] newSlots = new long[capacity];
        Arrays.fill(newSlots, EMPTY);
        int[] newIds = new int[capacity];
        int mask = capacity - 1;
        for (int id = 0; id < count; id++) {
            long key = keyOfId[id];
            int slot = hash(key) & mask;
            while (newSlots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            newSlots[slot] = key;
            newIds[slot] = id;
        }
        slots = newSlots;
        idOfSlot = newIds;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
