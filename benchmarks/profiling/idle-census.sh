#!/bin/bash
# idle-census.sh OUTDIR [JVM_OPTION...]: what 19,000 idle clients cost step 5's server - see README.md.
# J: a JDK 21+ java (default the course VM's Temurin 25); run after ./mvnw -q package -DskipTests.
set -u
OUT=$1; shift
J=${J:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}; JC=$(dirname "$J")/jcmd
HERE=$(cd "$(dirname "$0")" && pwd); W=$(dirname "$(dirname "$HERE")"); CP=$W/benchmarks/target/bench.jar
mkdir -p "$OUT"; cd "$OUT" || exit 1
"$J" "$@" -jar "$W/step5-selector/target/chat.jar" server --port 0 --max-clients 19100 > server.log 2>&1 &
SPID=$!
for i in $(seq 100); do grep -q 'listening on' server.log && break; sleep 0.1; done
PORT=$(grep -o 'listening on [0-9.]*:[0-9]*' server.log | sed 's/.*://')
rss() { awk '/VmRSS/{print $2}' /proc/$SPID/status; }
# A census (files NAME.txt in OUTDIR): RSS settled, RSS after a forced GC, the heap, the live objects
# by class, NMT's summary (with -XX:NativeMemoryTracking=summary), RSS after glibc's free memory is
# returned (System.trim_native_heap), and before that every mapping's RSS (smapsfull-*: smapsdiff.py).
census() {  # $1: before or after
  sleep 2; rss > rss-$1-nogc.txt   # a pause for RSS to settle: it has no event to wait on
  $JC $SPID GC.run > /dev/null; sleep 2; rss > rss-$1.txt
  $JC $SPID GC.heap_info > heap-$1.txt
  $JC $SPID GC.class_histogram -all > hist-$1.txt   # -all: no GC of its own
  $JC $SPID VM.native_memory summary > nmt-$1.txt 2>&1
  grep -E 'Rss|Pss_Anon' /proc/$SPID/smaps_rollup > smaps-$1.txt
  cp /proc/$SPID/smaps smapsfull-$1.txt
  $JC $SPID System.trim_native_heap > trim-$1.txt; sleep 1; rss > rss-$1-trimmed.txt
  python3 $HERE/heaprss.py $SPID heap-$1.txt > heaprss-$1.txt
}
census before
# The clients: the bench's own IdleHolder, 5,000 a process (each from its own 127.0.0.x).
FIFOS=()
for k in 0 1 2 3; do
  n=5000; [ $k = 3 ] && n=4000
  rm -f in$k; mkfifo in$k; "$J" -cp "$CP" sockets.bench.IdleHolder 127.0.0.1 $PORT 127.0.0.$((2+k)) $n < in$k > holder$k.log 2>&1 &
  exec {fd}>in$k; FIFOS+=($fd)
  for i in $(seq 600); do grep -q -E 'held|failed' holder$k.log && break; sleep 0.1; done
  cat holder$k.log
done
census after
for fd in "${FIFOS[@]}"; do exec {fd}>&-; done
wait $(jobs -p | grep -v "^$SPID$") 2>/dev/null
kill $SPID; wait $SPID 2>/dev/null
python3 $HERE/histdiff.py hist-before.txt hist-after.txt 19000
cat trim-*.txt
per() {  # $1: what; $2, $3: files of KB before and after
  echo "$1: $(cat "$2") -> $(cat "$3") KB, $(awk -v a="$(cat "$2")" -v b="$(cat "$3")" 'BEGIN { printf "%.2f", (b - a) / 19000 }') KB a connection"
}
per "RSS settled" rss-before-nogc.txt rss-after-nogc.txt
per "RSS after a forced GC" rss-before.txt rss-after.txt
per "RSS after the GC and trim_native_heap" rss-before-trimmed.txt rss-after-trimmed.txt
per "the heap's RSS" heaprss-before.txt heaprss-after.txt
