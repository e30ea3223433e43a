// One DuckDB job in a fresh process, for marketlake-bench/whole-process.sh: the same work as the marketlake
// command it is timed beside, on the same files, with both cores (DuckDB's default here).
//   node job.mjs bars CSV OUT | readout IN OUT | trades CSV OUT | day IN DATE
import { DuckDBInstance } from '@duckdb/node-api';

const [job, a, b] = process.argv.slice(2);
const zstd = "(FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 3)";
const sql = {
  bars: `COPY (SELECT 'BENCH' AS symbol, timestamp, open, high, low, close, volume
               FROM read_csv('${a}', header = true, columns = {'timestamp': 'TIMESTAMPTZ', 'open': 'DOUBLE', 'high': 'DOUBLE',
                             'low': 'DOUBLE', 'close': 'DOUBLE', 'volume': 'DOUBLE'})
               ORDER BY timestamp) TO '${b}' ${zstd}`,
  readout: `COPY (SELECT * FROM read_parquet('${a}')) TO '${b}' ${zstd}`,
  trades: `COPY (SELECT 'BENCH' AS symbol, time_bucket(INTERVAL '1 second', timestamp) AS timestamp,
                  arg_min(price, timestamp) AS open, max(price) AS high, min(price) AS low, arg_max(price, timestamp) AS close,
                  sum(size) AS volume, count(*) AS trade_count, sum(price * size) AS notional
                FROM read_csv('${a}', header = true, columns = {'timestamp': 'TIMESTAMPTZ', 'price': 'DOUBLE', 'size': 'DOUBLE'})
                GROUP BY 2 ORDER BY 2) TO '${b}' ${zstd}`,
  day: `SELECT count(*) AS n FROM read_parquet('${a}')
        WHERE timestamp >= TIMESTAMPTZ '${b} 00:00:00+00' AND timestamp < TIMESTAMPTZ '${b} 00:00:00+00' + INTERVAL 1 DAY`,
}[job];
if (!sql) {
  console.error(`unknown job ${job}`);
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const result = await connection.runAndReadAll(sql);
if (job === 'day') {
  console.log(String(result.getRows()[0][0]));
}
