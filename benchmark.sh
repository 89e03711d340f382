#!/usr/bin/env bash
# Measures checkout latency and throughput against a stack already running (./shop.sh in another
# terminal). Creates its own goods and users; demo data is untouched.
#   ./benchmark.sh [--requests N] [--concurrency C] [--warmup W]
set -euo pipefail
cd "$(dirname "$0")"
[ -f benchmark/target/launch-classpath.txt ] || mvn -B -q -DskipTests install -pl benchmark -am
exec java -cp "$(ls benchmark/target/benchmark-*.jar):$(cat benchmark/target/launch-classpath.txt)" \
  com.shop.benchmark.CheckoutBenchmark "$@"
