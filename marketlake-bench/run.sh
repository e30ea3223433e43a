#!/usr/bin/env bash
# Builds the benchmarks and runs JMH: marketlake-bench/run.sh [JMH args], for example
#   marketlake-bench/run.sh LakeWriteBenchmark -f 1 -wi 3 -i 5
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/.mvn/find-jdk.sh"
(cd "$here" && ./mvnw -q -B -DskipTests package -pl marketlake-bench -am 1>&2)
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$here/marketlake-bench/target/classes:$here/marketlake-bench/target/lib/*" org.openjdk.jmh.Main "$@"
