package org.marketlake.web.api;

import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.web.http.Json;

/** A frame's columns as JSON arrays: stamps as epoch seconds (what the chart takes), numbers with null for none. */
final class Columns {
    private Columns() {}

    static long[] seconds(Frame frame) {
        long[] micros = frame.timestamps();
        long[] seconds = new long[frame.size()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = Math.floorDiv(micros[i], Micros.PER_SECOND);
        }
        return seconds;
    }

    static List<Double> numbers(Frame frame, String column) {
        return frame.hasColumn(column) ? Json.numbers(frame.doubles(column), frame.size()) : null;
    }

    /** Each bar's VWAP: the stored {@code vwap}, or {@code notional / volume} on 1s bars; null where there is none. */
    static List<Double> vwap(Frame frame) {
        if (frame.hasColumn("vwap")) {
            return numbers(frame, "vwap");
        }
        if (!frame.hasColumn("notional")) {
            return null;
        }
        double[] notional = frame.doubles("notional");
        double[] volume = frame.doubles("volume");
        List<Double> vwap = new ArrayList<>(frame.size());
        for (int i = 0; i < frame.size(); i++) {
            double value = notional[i] / volume[i];
            vwap.add(Double.isFinite(value) ? value : null);
        }
        return vwap;
    }
}
