#!/usr/bin/env bash
# `chronos export --arrow` on a month of 1-second bars, timed as the marketlake launcher runs it:
#   marketlake-bench/export-arrow.sh [RUNS]     (default 4)
# Generates two symbols of January 2024 with one trade a second around the clock (seeded, 5% of seconds empty:
# NaN in the training rows), ingests them with --session utc, then times RUNS exports of both 31-day 1s series
# (2 rows, 5,356,800 floats, about 22 MB) to one Arrow IPC file, and deletes it all.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/.mvn/find-jdk.sh"
runs="${1:-4}"
work="$(mktemp -d "${TMPDIR:-/tmp}/marketlake-arrow.XXXXXX")"
trap 'rm -rf "$work"' EXIT
(cd "$here" && ./mvnw -q -B -DskipTests package -pl marketlake-cli -am 1>&2)
for seed in 1 2; do
  python3 - "$work/trades-$seed.csv" "$seed" <<'PY'
import datetime, random, sys
random.seed(int(sys.argv[2]))
start, price = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc), 100.0
with open(sys.argv[1], "w") as f:
    f.write("timestamp,price,size\n")
    for s in range(31 * 86400):
        if random.random() < 0.05:
            continue
        price = max(1.0, price + random.gauss(0, 0.01))
        f.write((start + datetime.timedelta(seconds=s)).strftime("%Y-%m-%dT%H:%M:%S.000Z") + ",%.2f,%d\n" % (price, random.randint(1, 500)))
PY
  "$here/marketlake" ingest trades --quiet --root "$work/lake" --session utc --symbol "S$seed" "$work/trades-$seed.csv" >/dev/null
done
# The launcher's JVM flags, without its is-the-build-stale check and class-data archive in the timing.
java=("$JAVA_HOME/bin/java" -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED)
if [ "$(ml_java_major "$JAVA_HOME")" -ge 23 ]; then java+=(--sun-misc-unsafe-memory-access=allow); fi
for run in $(seq "$runs"); do
  /usr/bin/time -f "run $run: %e s wall, %U s user, %S s sys, %M KB max resident" "${java[@]}" \
    -cp "$here/marketlake-cli/target/marketlake-cli.jar:$here/marketlake-cli/target/lib/*" org.marketlake.cli.Main \
    chronos export --root "$work/lake" --timeframe 1s --out "$work/train.arrow" --arrow >/dev/null
done
ls -l "$work/train.arrow" | awk '{print "file: " $5 " bytes"}'
