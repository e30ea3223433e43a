#!/usr/bin/env bash
# Issue 15's whole-process benchmark: each job as a user runs it (`./marketlake ...`, a fresh JVM each time) beside
# DuckDB's node client doing the same work on the same files in the same run (a fresh node process each time),
# median of N runs (default 3), printed as the table of docs/BENCHMARKS.md with ratios and targets:
#   marketlake-bench/whole-process.sh [RUNS]
# Inputs (generated once, seeded, kept in marketlake-bench/target/whole-process/): a 2,000,000-row CSV month of
# 1s bars and a 6,000,000-trade CSV. DuckDB's node client is installed by npm into marketlake-bench/duckdb/ on the
# first run (a build step, like Maven's; nothing downloads while timing).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/.mvn/find-jdk.sh"
runs="${1:-3}"
work="$here/marketlake-bench/target/whole-process"
mkdir -p "$work"
(cd "$here" && ./mvnw -q -B -DskipTests package -pl marketlake-cli,marketlake-bench -am 1>&2)
rm -f "$here"/marketlake-cli/target/marketlake-*.jsa   # a fresh build's archives are made by the warm-up below
if [ ! -d "$here/marketlake-bench/duckdb/node_modules/@duckdb/node-api" ]; then
  (cd "$here/marketlake-bench/duckdb" && npm install --no-audit --no-fund --silent 1>&2)
fi
cp="$here/marketlake-bench/target/classes:$here/marketlake-bench/target/lib/*"
"$JAVA_HOME/bin/java" -cp "$cp" org.marketlake.bench.WholeProcessInputs "$work"
ml="$here/marketlake"
duck() { node "$here/marketlake-bench/duckdb/job.mjs" "$@"; }

# Median wall milliseconds of `runs` runs of "$@", after `prepare` (untimed) before each.
prepare=true
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    $prepare
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
row() { # job, ours ms, duckdb ms, target ratio
  awk -v job="$1" -v a="$2" -v b="$3" -v t="$4" 'BEGIN {
    r = (b > 0) ? a / b : 0
    printf "| %s | %.2f s | %s | %s | <= %s | %s |\n", job, a / 1000, (b > 0 ? sprintf("%.2f s", b / 1000) : "-"),
      (b > 0 ? sprintf("%.2fx", r) : "-"), t, (b > 0 ? (r <= t ? "met" : "not met") : (a / 1000 <= t ? "met" : "not met")) }'
}

lake="$work/lake"
# Warm-up, untimed: the launcher's class-data archives (made on a first run) and the page cache.
rm -rf "$lake" && "$ml" ingest bars --quiet --root "$lake" --timeframe 1s --symbol BENCH "$work/bars-1s.csv" > /dev/null
"$ml" query --root "$lake" --timeframe 1s --symbol BENCH --date 2024-01-05 --format csv > /dev/null
duck day "$lake/bars/1s/BENCH.2024-01.parquet" 2024-01-05 > /dev/null

prepare="rm -rf $lake"
write_ml=$(median_ms "$ml" ingest bars --quiet --root "$lake" --timeframe 1s --symbol BENCH "$work/bars-1s.csv")
prepare="rm -f $work/duck-bars.parquet"
write_duck=$(median_ms duck bars "$work/bars-1s.csv" "$work/duck-bars.parquet")
month="$lake/bars/1s/BENCH.2024-01.parquet"
prepare="rm -f $work/out.parquet"
read_ml=$(median_ms "$ml" query --root "$lake" --timeframe 1s --symbol BENCH --month 2024-01 --format parquet --output "$work/out.parquet")
read_duck=$(median_ms duck readout "$month" "$work/out.parquet")
prepare="rm -rf $work/trades-lake"
trades_ml=$(median_ms "$ml" ingest trades --quiet --root "$work/trades-lake" --symbol BENCH --timeframe 1s "$work/trades.csv")
prepare="rm -f $work/duck-trades.parquet"
trades_duck=$(median_ms duck trades "$work/trades.csv" "$work/duck-trades.parquet")
prepare=true
day_ml=$(median_ms "$ml" query --root "$lake" --timeframe 1s --symbol BENCH --date 2024-01-05 --format csv)
day_duck=$(median_ms duck day "$month" 2024-01-05)
ours_bytes=$(stat -c %s "$month")
duck_bytes=$(stat -c %s "$work/duck-bars.parquet")

echo "whole process, median of $runs, $(nproc) cores, $(date -u +%Y-%m-%d), JDK $(ml_java_major "$JAVA_HOME"), DuckDB node $(cd "$here/marketlake-bench/duckdb" && node -p "require('@duckdb/node-api/package.json').version")"
echo "| job | marketlake | DuckDB | ratio | target | verdict |"
echo "|---|---|---|---|---|---|"
row "\`ingest bars --timeframe 1s\`, 2,000,000-row CSV month to a written file" "$write_ml" "$write_duck" 1.0
row "that month read out to Parquet (\`query --month --format parquet --output\`)" "$read_ml" "$read_duck" 1.0
row "6M trades CSV to 1s bar files (\`ingest trades\`)" "$trades_ml" "$trades_duck" 1.0
row "a fresh \`query --date\` of one day of 1s bars (target in seconds; DuckDB's count of that day beside it)" "$day_ml" 0 0.5
echo "| (DuckDB's one-day count, fresh process) | | $(awk -v b="$day_duck" 'BEGIN {printf "%.2f s", b / 1000}') | | | |"
awk -v a="$ours_bytes" -v b="$duck_bytes" 'BEGIN { printf "| file size of that month | %d bytes | %d bytes | %.2fx | <= 1.0 | %s |\n", a, b, a / b, (a <= b ? "met" : "not met") }'
