#!/usr/bin/env bash
# Load reports against the stack ./shop.sh runs (start it first, in another terminal). Starts
# nothing; seeds its own goods and users (19-digit ids); demo data is untouched.
#   ./load.sh checkout [--concurrency 8] [--seconds 40] [--rounds 3] [--warmup 120]
#       checkouts on distinct goods, AT on vs. off interleaved (the off half publishes
#       seata.service.disable-global-transaction for the round only: a measurement, never production)
#   ./load.sh hot [--buyers 200] [--goods 1] [--stock 50] [--ordinary 0]
#       buyers rushing hot goods at once, with ordinary checkouts among them
#   ./load.sh idle [--seconds 60]
#       no traffic: CPU of every process of the stack, in % of one core, and its busiest threads
# Reports: load/target/load-results/<run>/gatling/*/index.html; summary: .../<run>/summary.json
# (the latest also as load/target/load-summary.json). Method and figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")"
# Rebuilt when missing or when its sources are newer than its jar.
jar=$(ls load/target/load-*.jar 2>/dev/null || true)
if [ ! -f load/target/launch-classpath.txt ] || [ -z "$jar" ] \
    || [ -n "$(find load/src load/pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q -DskipTests install -pl load -am
fi
# Gatling reflects into java.lang on Java 17.
exec java --add-opens=java.base/java.lang=ALL-UNNAMED -Xmx1g \
  -cp "$(ls load/target/load-*.jar):$(cat load/target/launch-classpath.txt)" com.shop.load.LoadRun "$@"
