package org.marketlake.forecast.chronos;

/**
 * T5's relative position buckets: small distances get a bucket each, larger ones share logarithmically wider
 * buckets up to {@code maxDistance}. The encoder is bidirectional (half the buckets for keys after the query);
 * a decoder looks only backwards.
 */
final class RelativePositions {
    private RelativePositions() {}

    /** The bucket of {@code relativePosition = keyPosition - queryPosition}. */
    static int bucket(int relativePosition, boolean bidirectional, int numBuckets, int maxDistance) {
        int buckets = numBuckets;
        int bucket = 0;
        int distance;
        if (bidirectional) {
            buckets /= 2;
            if (relativePosition > 0) {
                bucket += buckets;
            }
            distance = Math.abs(relativePosition);
        } else {
            distance = Math.max(-relativePosition, 0);
        }
        int maxExact = buckets / 2;
        if (distance < maxExact) {
            return bucket + distance;
        }
        // float32 as upstream computes it (torch.log on a float tensor), so bucket edges fall where theirs do
        float scaled = (float) Math.log((float) distance / maxExact)
                / (float) Math.log((double) maxDistance / maxExact)
                * (buckets - maxExact);
        int large = maxExact + (int) scaled;
        return bucket + Math.min(large, buckets - 1);
    }

    /** {@code table[query][key]} for a sequence of {@code length} positions. */
    static int[][] table(int length, boolean bidirectional, int numBuckets, int maxDistance) {
        int[][] table = new int[length][length];
        for (int query = 0; query < length; query++) {
            for (int key = 0; key < length; key++) {
                table[query][key] = bucket(key - query, bidirectional, numBuckets, maxDistance);
            }
        }
        return table;
    }
}
