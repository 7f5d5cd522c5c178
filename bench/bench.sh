#!/usr/bin/env bash
# The measurement harness's entry point (make bench / make jmh call it).
#   bench/bench.sh ab      A/B closed loop: chatsignal vs grpc-java's benchmark service; ends with a BENCH line
#   bench/bench.sh sweep   open-loop rate sweep of chatsignal until p99 > 10 ms; SWEEP lines
#   bench/bench.sh shed    load shedding at twice the capacity (small concurrency limit); a SHED line
#   bench/bench.sh jmh     JMH: profile lookup + scoring 100/500 candidates, classifying a chat turn
# Environment: BENCH_QUICK=1 and the BENCH_* settings in BenchSettings/SweepRun; JMH_ARGS for JMH
# (default: -f 1 -wi 3 -w 2s -i 5 -r 2s; quick: -f 1 -wi 2 -w 1s -i 3 -r 1s).
# MVN overrides the Maven command (default: mvn -B -q).
set -euo pipefail
cd "$(dirname "$0")"
MVN=${MVN:-mvn -B -q}
mode=${1:-ab}

# The server jar (target/chatsignal.jar) and the installed artifact the bench links against; rebuilt
# only when a server source is newer than the installed artifact.
installed="$HOME/.m2/repository/dev/chatsignal/chatsignal/0.1.0-SNAPSHOT/chatsignal-0.1.0-SNAPSHOT.jar"
if [ ! -f "$installed" ] || [ ! -f ../target/chatsignal.jar ] \
    || [ -n "$(find ../pom.xml ../src/main ../proto -newer "$installed" -print -quit)" ]; then
  $MVN -f ../pom.xml -DskipTests install
fi
$MVN -f pom.xml package
cp="target/classes:$(cat target/classpath.txt)"

case "$mode" in
  ab)
    $MVN -f raw-server/pom.xml package
    echo "$(pwd)/raw-server/target/classes:$(cat raw-server/target/classpath.txt)" > target/raw-classpath.txt
    exec java -cp "$cp" dev.chatsignal.bench.BenchRun \
      --server-jar ../target/chatsignal.jar --raw-classpath target/raw-classpath.txt ;;
  sweep)
    exec java -cp "$cp" dev.chatsignal.bench.SweepRun --server-jar ../target/chatsignal.jar ;;
  shed)
    exec java -cp "$cp" dev.chatsignal.bench.ShedRun --server-jar ../target/chatsignal.jar ;;
  jmh)
    if [ "${BENCH_QUICK:-0}" = 1 ]; then default="-f 1 -wi 2 -w 1s -i 3 -r 1s"; else default="-f 1 -wi 3 -w 2s -i 5 -r 2s"; fi
    # shellcheck disable=SC2086 # JMH_ARGS is a list of options
    exec java -cp "$cp" org.openjdk.jmh.Main ${JMH_ARGS:-$default} -t 1 "dev.chatsignal.bench.jmh" ;;
  *)
    echo "usage: bench/bench.sh ab|sweep|shed|jmh" >&2; exit 2 ;;
esac
