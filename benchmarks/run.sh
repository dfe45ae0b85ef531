#!/usr/bin/env bash
# Builds the benchmarks module and runs all four benchmarks of issue 6 (hot path at 1 and 2 threads with -prof gc,
# cold-start stampede, renewal under load, end to end), then prints the results table with ratios and target
# verdicts. A few minutes on 2 cores; run it on a quiet machine. See BENCHMARKS.md.
#
#   benchmarks/run.sh                  # the full run (JMH -f 1 -wi 3 -i 5, 1 s iterations)
#   benchmarks/run.sh --smoke          # seconds per benchmark (-f 1 -wi 1 -i 1 -w 1s -r 1s): proves the setup only
#   benchmarks/run.sh hotpath renewal  # only some parts (hotpath, stampede, renewal, endtoend)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am package -DskipTests
java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar io.github.oauthclient.benchmarks.BenchmarkSuite "$@" 2>&1 \
  | tee benchmarks/target/benchmark-results.txt
