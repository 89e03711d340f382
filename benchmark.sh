#!/usr/bin/env bash
# Payment callbacks under load. Checkout load (AT on vs. off, the hot-goods rush) is ./load.sh, on Gatling.
# It starts a stack of its own (benchmark/target/callback-stack) because it stops and restarts the
# broker: ./shop.sh must NOT be running then (same ports). Creates its own orders (19-digit ids).
#   ./benchmark.sh callbacks [--rate R] [--seconds S] [--warmup W]   payment-callback ack latency at R/s
#                                                                      with the broker up, then down; time to paid
set -euo pipefail
cd "$(dirname "$0")"
# Rebuilt when missing or when its sources are newer than its jar (a new load class must be in it).
jar=$(ls benchmark/target/benchmark-*.jar 2>/dev/null || true)
if [ ! -f benchmark/target/launch-classpath.txt ] || [ -z "$jar" ] \
    || [ -n "$(find benchmark/src benchmark/pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q -DskipTests install -pl benchmark -am
fi
if [ "${1:-}" = "callbacks" ]; then
  main=com.shop.benchmark.PaymentCallbackLoad
  shift
  # Its stack launches the services and infrastructure from their builds, as ./shop.sh does.
  for module in order-app goods-app coupon-app user-app pay-app seata-server infra/mariadb infra/nacos infra/rocketmq; do
    if [ ! -f "$module/target/launch-classpath.txt" ]; then
      ./mvnw -B -q -DskipTests install
      break
    fi
  done
else
  echo "usage: ./benchmark.sh callbacks [options]; checkout load and the hot-goods rush: ./load.sh checkout|hot" >&2
  exit 2
fi
exec java -cp "$(ls benchmark/target/benchmark-*.jar):$(cat benchmark/target/launch-classpath.txt)" "$main" "$@"
