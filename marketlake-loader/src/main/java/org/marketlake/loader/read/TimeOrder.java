package org.marketlake.loader.read;

/** Stable sorting of row indices by time, without boxing (files are nearly always sorted already: one pass then). */
final class TimeOrder {
    private TimeOrder() {}

    public static int[] stableOrder(long[] ds) {
        int[] order = new int[ds.length];
        boolean sorted = true;
        for (int i = 0; i < ds.length; i++) {
            order[i] = i;
            if (i > 0 && ds[i] < ds[i - 1]) {
                sorted = false;
            }
        }
        if (!sorted) {
            mergeSort(order, new int[order.length], 0, order.length, ds);
        }
        return order;
    }

    private static void mergeSort(int[] a, int[] buffer, int from, int to, long[] keys) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(a, buffer, from, middle, keys);
        mergeSort(a, buffer, middle, to, keys);
        if (keys[a[middle - 1]] <= keys[a[middle]]) {
            return;
        }
        System.arraycopy(a, from, buffer, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || (left < middle && keys[buffer[left]] <= keys[buffer[right]])) {
                a[i] = buffer[left++];
            } else {
                a[i] = buffer[right++];
            }
        }
    }
}
