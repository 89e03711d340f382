#!/usr/bin/env bash
# Runs the whole shop stack on this machine: builds what is missing or stale, then starts
# database → Nacos → Seata TC → RocketMQ → the five services, each its own process.
#   ./shop.sh [start] [--fresh] [--no-demo] [--faults] [--replicas N]
#                                             run until Ctrl-C (--fresh: delete .stack-data first;
#                                             --faults: fault injection armable, for game days;
#                                             --replicas 2: two TCs and two instances of every service)
#   ./shop.sh stop                            stop a stack whose launcher was killed
#   ./shop.sh pay ORDER_ID                    pay an order on the running stack, as the payment platform would
#   ./shop.sh component stop|start NAME       have the running launcher stop or start one component (rocketmq, pay-app, ...)
set -euo pipefail
cd "$(dirname "$0")"

stamp=stack/target/launch-classpath.txt
runnable=(order-app goods-app coupon-app user-app pay-app seata-server infra/mariadb infra/nacos infra/rocketmq stack)

needs_build() {
  for module in "${runnable[@]}"; do
    [ -f "$module/target/launch-classpath.txt" ] || return 0
  done
  # Any source or POM newer than the last build means a rebuild.
  [ -n "$(find . -path ./.stack-data -prune -o -path '*/target' -prune -o \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ]
}

# Only a start builds: stop, pay and component talk to a running stack, whose jars must not change under it.
command=${1:-start}
if { [ "$command" = "start" ] || [ "${command#--}" != "$command" ]; } && needs_build; then
  echo "Building (first run takes a few minutes; later runs only rebuild what changed)..."
  ./mvnw -B -q -DskipTests install
fi

exec java -Xmx128m -cp "$(ls stack/target/stack-*.jar):$(cat "$stamp")" com.shop.stack.Main "$@"
