#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft, no ZooKeeper, no Docker) for the integration tests,
# run from Maven Central jars with the machine's Java 17. Design notes: ../shared/design/kafka-in-ci.md.
#
#   tools/kafka-test-broker.sh start    fetch jars if needed, start, wait until ready; prints KAFKA_BROKERS=…
#   tools/kafka-test-broker.sh stop     stop the broker this run dir started (its own pid only)
#   tools/kafka-test-broker.sh status   exit 0 when running and accepting connections
#   tools/kafka-test-broker.sh env      prints KAFKA_BROKERS=127.0.0.1:<port> of the running broker
#   tools/kafka-test-broker.sh fetch    only download the jars
#
# stdout carries only the KAFKA_BROKERS=… line (so `export "$(tools/kafka-test-broker.sh start)"` works);
# progress goes to stderr. Settings (environment):
#   KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_RUN_DIR (<repo>/.kafka/run),
#   KAFKA_CACHE_DIR (${XDG_CACHE_HOME:-~/.cache}/resident-register/kafka: jars live outside the repo),
#   KAFKA_KEEP_DATA=1 (stop keeps the log and start reuses it: a broker outage, not a new cluster),
#   KAFKA_VERSION (3.9.1), KAFKA_START_TIMEOUT (90 s).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KAFKA_VERSION="${KAFKA_VERSION:-3.9.1}"
CACHE="${KAFKA_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/resident-register/kafka}"
LIBS="$CACHE/libs-$KAFKA_VERSION"
RUN="${KAFKA_RUN_DIR:-$REPO/.kafka/run}"
PORT="${KAFKA_PORT:-9092}"
CPORT="${KAFKA_CONTROLLER_PORT:-9093}"
CLUSTER_ID="${KAFKA_CLUSTER_ID:-MkU3OEVBNTcwNTJENDM2Qk}"   # 22 chars base64url = 16 bytes
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KEEP_DATA="${KAFKA_KEEP_DATA:-0}"

JVM_COMMON=(-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
            -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true)

say() { echo "kafka-test-broker: $*" >&2; }

fetch() {
  [[ -f "$LIBS/.complete" ]] && return 0
  command -v mvn >/dev/null || { say "mvn not found: install Maven to fetch the broker jars"; return 1; }
  mkdir -p "$CACHE" "$LIBS"
  say "fetching Kafka $KAFKA_VERSION jars from Maven Central into $LIBS"
  cat > "$CACHE/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local.test</groupId><artifactId>kafka-broker-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <!-- Kafka's POM declares its logging backend compileOnly: without these the broker cannot start -->
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>1.7.36</version></dependency>
    <dependency><groupId>ch.qos.reload4j</groupId><artifactId>reload4j</artifactId><version>1.2.25</version></dependency>
  </dependencies>
</project>
EOF
  mvn -q -B -Dstyle.color=never -f "$CACHE/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
    -DoutputDirectory="$LIBS" -DincludeScope=runtime >&2
  rm -f "$LIBS"/logback-*.jar                       # one SLF4J binding only
  [[ -f "$LIBS/kafka_2.13-${KAFKA_VERSION}.jar" ]]
  compgen -G "$LIBS/reload4j-*.jar" >/dev/null
  compgen -G "$LIBS/slf4j-reload4j-*.jar" >/dev/null
  touch "$LIBS/.complete"
}

write_config() {
  mkdir -p "$RUN"
  cat > "$RUN/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${CPORT}
listeners=PLAINTEXT://127.0.0.1:${PORT},CONTROLLER://127.0.0.1:${CPORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${PORT}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${RUN}/data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
auto.create.topics.enable=false
delete.topic.enable=true
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
controlled.shutdown.enable=false
log.cleaner.dedupe.buffer.size=16777216
EOF
  cat > "$RUN/log4j.properties" <<EOF
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=${RUN}/kafka.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaRaftServer=INFO
log4j.logger.org.apache.kafka.clients.NetworkClient=ERROR
EOF
  echo "$PORT" > "$RUN/port"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
running() { [[ -f "$RUN/kafka.pid" ]] && kill -0 "$(cat "$RUN/kafka.pid")" 2>/dev/null; }
brokers_line() { echo "KAFKA_BROKERS=127.0.0.1:$(cat "$RUN/port" 2>/dev/null || echo "$PORT")"; }

start() {
  fetch
  if running; then say "already running (pid $(cat "$RUN/kafka.pid"))"; brokers_line; return 0; fi
  if port_open "$PORT" || port_open "$CPORT"; then
    say "port $PORT or $CPORT is already in use: set KAFKA_PORT / KAFKA_CONTROLLER_PORT"; return 1; fi
  [[ "$KEEP_DATA" == 1 ]] || rm -rf "$RUN/data"     # a fresh cluster unless an outage is being simulated
  write_config
  local log4j="-Dlog4j.configuration=file:$RUN/log4j.properties"
  # = bin/kafka-storage.sh format; --ignore-formatted keeps a kept log as it is
  "$JAVA" -Xmx256m "${JVM_COMMON[@]}" "$log4j" -cp "$LIBS/*" \
      kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$RUN/server.properties" --ignore-formatted >>"$RUN/kafka.out" 2>&1
  # = bin/kafka-server-start.sh server.properties (minus JMX and GC-log flags)
  nohup "$JAVA" -Xms256m -Xmx512m "${JVM_COMMON[@]}" "$log4j" -cp "$LIBS/*" \
      kafka.Kafka "$RUN/server.properties" >>"$RUN/kafka.out" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" > "$RUN/kafka.pid"
  local deadline=$((SECONDS + TIMEOUT))
  while (( SECONDS < deadline )); do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "kafka exited during start-up (log: $RUN/kafka.log)"; tail -n 40 "$RUN/kafka.out" "$RUN/kafka.log" >&2 || true
      rm -f "$RUN/kafka.pid"; return 1; fi
    # 3.9 opens the client listener only once the broker is unfenced: an open port means ready
    if port_open "$PORT"; then say "ready on 127.0.0.1:$PORT (pid $pid, run dir $RUN)"; brokers_line; return 0; fi
    sleep 0.25
  done
  say "not ready after ${TIMEOUT}s (log: $RUN/kafka.log)"; tail -n 40 "$RUN/kafka.log" >&2 || true; stop; return 1
}

stop() {
  if [[ -f "$RUN/kafka.pid" ]]; then
    local pid; pid=$(cat "$RUN/kafka.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
      say "stopped pid $pid"
    fi
    rm -f "$RUN/kafka.pid"
  fi
  [[ "$KEEP_DATA" == 1 ]] || rm -rf "$RUN/data"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) if running && port_open "$(cat "$RUN/port")"; then say "running (pid $(cat "$RUN/kafka.pid"))"; brokers_line
          else say "not running"; exit 1; fi ;;
  env) if running; then brokers_line; else say "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status|env|fetch" >&2; exit 2 ;;
esac
