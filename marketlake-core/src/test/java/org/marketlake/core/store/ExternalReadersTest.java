package org.marketlake.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;
import org.marketlake.core.testing.Python;

/** Our files as pyarrow, pandas and Polars see them: types, time zone, values and nulls. */
class ExternalReadersTest {
    @TempDir
    Path root;

    @Test
    void pyarrowPandasAndPolarsReadBarsAndQuotesWithTheRightTypesAndValues() throws Exception {
        Path input = root.resolveSibling(root.getFileName() + "-trades.csv");
        java.nio.file.Files.writeString(input, "timestamp,price,size\n");
        Lake lake = Lake.open(root).describedAs("marketlake ingest trades --symbol BRK.B trades.csv", java.util.List.of(input));
        Frame.Builder b = Bars.builder(Timeframe.S1, "BRK.B");
        int r0 = Bars.bar(b, "2024-01-02T14:30:00Z", 410.12, 410.5, 410.01, 410.33, 1234);
        b.setInt(b.indexOf("trade_count"), r0, 7).setDouble(b.indexOf("notional"), r0, 506347.22);
        Bars.bar(b, "2024-01-02T14:30:01Z", 410.33, 410.33, 410.33, 410.33, 0.5);
        lake.write(b.build());
        Frame.Builder q = Frame.builder(DataKind.QUOTES, Symbol.of("EURUSD"), 2);
        int row = q.add(Bars.micros("2014-05-01T00:00:00.123456Z"));
        q.setDouble(LakeSchema.BID_PRICE, row, 1.38676).setDouble(LakeSchema.ASK_PRICE, row, 1.38686).setString(LakeSchema.EXCHANGE, row, "OANDA");
        lake.write(q.build());

        String output = Python.script("""
                import sys, pyarrow.parquet as pq, pandas as pd, polars as pl
                root = sys.argv[1]
                bars = root + "/bars/1s/BRK.B.2024-01.parquet"
                quotes = root + "/quotes/EURUSD.2014-05.parquet"
                t = pq.read_table(bars)
                print("arrow", [str(f.type) for f in t.schema])
                print("arrow-names", t.schema.names)
                df = pd.read_parquet(bars)
                print("pandas", str(df["timestamp"].dtype), df["timestamp"].iloc[0].isoformat(), float(df["close"].iloc[0]), str(df["trade_count"].iloc[1]))
                p = pl.read_parquet(bars)
                print("polars", str(p.schema["timestamp"]), p["volume"].to_list(), p["trade_count"].to_list())
                qt = pq.read_table(quotes).to_pylist()[0]
                print("quote-ts", pd.read_parquet(quotes)["timestamp"].iloc[0].isoformat())
                print("quotes", qt["bid_price"], qt["ask_price"], round(qt["spread"], 10), qt["bid_size"], qt["exchange"])
                md = pq.read_metadata(bars).metadata
                print("meta", md[b"marketlake.symbol"].decode(), md[b"marketlake.rows"].decode(), md[b"marketlake.first_timestamp"].decode())
                print("codec", pq.read_metadata(bars).row_group(0).column(2).compression)
                import json
                origin = json.loads(md[b"marketlake.provenance"].decode())[-1]
                print("provenance", origin["sequence"], origin["action"], origin["rows"], origin["command"], origin["inputs"][0]["sha256"])
                """, root.toString());

        assertThat(output).contains("arrow ['string', 'timestamp[us, tz=UTC]', 'double', 'double', 'double', 'double', 'double', 'int32', 'double']");
        assertThat(output).contains("arrow-names ['symbol', 'timestamp', 'open', 'high', 'low', 'close', 'volume', 'trade_count', 'notional']");
        assertThat(output).contains("pandas datetime64[us, UTC] 2024-01-02T14:30:00+00:00 410.33");
        assertThat(output).containsPattern("pandas .* (nan|<NA>)\n");
        assertThat(output).contains("polars Datetime(time_unit='us', time_zone='UTC') [1234.0, 0.5] [7, None]");
        assertThat(output).contains("quote-ts 2014-05-01T00:00:00.123456+00:00");
        assertThat(output).contains("quotes 1.38676 1.38686 0.0001 None OANDA");
        assertThat(output).contains("meta BRK.B 2 2024-01-02T14:30:00Z");
        assertThat(output).contains("codec ZSTD");
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(input)));
        assertThat(output).contains("provenance 1 added 2 marketlake ingest trades --symbol BRK.B trades.csv " + sha256);
    }
}
