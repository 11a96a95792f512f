#!/bin/sh
# Append-to-delivery latency of the file tailer: N appends GAP_MS apart (default 1000, 10 ms).
# Prints median, p95, p99 and max. Needs a built test classpath (mvn -o test-compile).
set -eu
cd "$(dirname "$0")/../.."
mkdir -p bench/out
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=bench/out/cp.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat bench/out/cp.txt)" \
  io.bondwatch.bench.TailerLatency "${1:-1000}" "${2:-10}"
