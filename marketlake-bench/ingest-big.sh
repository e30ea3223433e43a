#!/usr/bin/env bash
# A trades CSV far larger than the heap, ingested with -Xmx512m, beside DuckDB on the same file:
#   marketlake-bench/ingest-big.sh [BYTES]     (default 5000000000, the issue's 5 GB)
#   marketlake-bench/ingest-big.sh 0 dense     (the densest month: a trade every 80 ms, every second a bar, 1.19 GB)
# Generates the file (seeded, sorted, 2M ticks per trading day from 2024-01-02), times
# `JAVA_OPTS=-Xmx512m marketlake ingest trades`, then DuckDB's COPY ... GROUP BY time_bucket, and deletes it all.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/.mvn/find-jdk.sh"
bytes="${1:-5000000000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/marketlake-big.XXXXXX")"
trap 'rm -rf "$work"' EXIT
(cd "$here" && ./mvnw -q -B -DskipTests package -pl marketlake-cli,marketlake-bench -am 1>&2)
cp="$here/marketlake-bench/target/classes:$here/marketlake-bench/target/lib/*"
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
"${java[@]}" -cp "$cp" org.marketlake.bench.TradesCsv "$work/trades.csv" "$bytes" "${2:-}"
# The CLI as the marketlake launcher runs it (same JVM flags), without its is-the-build-stale check in the timing.
echo "marketlake ingest trades, -Xmx512m:"
/usr/bin/time -f "  %e s wall, %U s user, %M KB max resident" "${java[@]}" -XX:+UseG1GC -Xshare:auto -Xmx512m \
  -cp "$here/marketlake-cli/target/marketlake-cli.jar:$here/marketlake-cli/target/lib/*" org.marketlake.cli.Main \
  ingest trades --quiet --root "$work/lake" --symbol BIG "$work/trades.csv"
echo "DuckDB COPY (SELECT ... GROUP BY time_bucket) TO parquet:"
/usr/bin/time -f "  %e s wall, %U s user, %M KB max resident" \
  "${java[@]}" -Xmx512m -cp "$cp" org.marketlake.bench.IngestTradesBenchmark "$work/trades.csv" "$work/duck.parquet"
