#!/bin/sh
# `daemonset plan` of a cluster dump end to end, each run a fresh JVM, beside Jackson's readTree of
# the same file in a fresh JVM (the floor), alternating so that both meet the same machine:
# wall time and peak memory (maximum resident set size) from /usr/bin/time.
#
#   benchmarks/fleet-e2e.sh <nodes> [json|yaml] [runs] [jar ...]
#
# Run from the repository root after `mvn -B -Pbench package -DskipTests`; the dumps are written to
# target/dumps/ by FleetRead (or ClusterDump) if missing. Each jar is a build of the CLI (default:
# cli/target/daemonset.jar; pass another build's jar to compare two builds). JAVA_OPTS are given to
# every JVM (for example JAVA_OPTS=-Xmx2g).
set -e
nodes=${1:-20000}
format=${2:-json}
runs=${3:-3}
shift 3 2>/dev/null || shift $#
jars=${*:-cli/target/daemonset.jar}
bench=benchmarks/target/benchmarks.jar
dump=target/dumps/nodes-$nodes.$format
if [ ! -f "$dump" ]; then
  java -cp "$bench" dev.daemonset.core.dump.ClusterDump target/dumps "$nodes" "$format"
fi
echo "$dump: $(wc -c < "$dump") bytes; JAVA_OPTS=${JAVA_OPTS:-none}; load $(cut -d' ' -f1-3 /proc/loadavg)"
i=1
while [ "$i" -le "$runs" ]; do
  for jar in $jars; do
    /usr/bin/time -f "plan  $jar: %e s, %M KB max RSS" \
      java $JAVA_OPTS -jar "$jar" plan --now 2026-11-28T10:00:00Z target/dumps/daemonset.yaml "$dump" \
      > /dev/null
  done
  /usr/bin/time -f "readTree: %e s, %M KB max RSS" \
    java $JAVA_OPTS -cp "$bench" dev.daemonset.benchmarks.ReadTree "$dump" > /dev/null
  i=$((i + 1))
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
