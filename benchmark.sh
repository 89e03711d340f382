#!/usr/bin/env bash
# Load against a stack already running (./shop.sh in another terminal). Creates its own goods and
# users (19-digit ids); demo data is untouched.
#   ./benchmark.sh [--requests N] [--concurrency C] [--warmup W]      checkout latency and throughput
#   ./benchmark.sh hot [--buyers B] [--goods G] [--stock S] [--quantity Q] [--ordinary O]
#                                                                      buyers rushing hot goods at once
set -euo pipefail
cd "$(dirname "$0")"
[ -f benchmark/target/launch-classpath.txt ] || ./mvnw -B -q -DskipTests install -pl benchmark -am
main=com.shop.benchmark.CheckoutBenchmark
if [ "${1:-}" = "hot" ]; then
  main=com.shop.benchmark.HotGoodsLoad
  shift
fi
exec java -cp "$(ls benchmark/target/benchmark-*.jar):$(cat benchmark/target/launch-classpath.txt)" "$main" "$@"
