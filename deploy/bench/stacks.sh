#!/usr/bin/env bash
# A poor man's sampling profiler for the server during a benchmark phase: N jstack samples, then
# for the busy threads (event loops, the store's writer) the most frequent top frames and the most
# frequent innermost frames of our own code (vn.phonghop). Usage: deploy/bench/stacks.sh <pid> [samples=20]
set -euo pipefail
pid=$1; samples=${2:-20}
out=$(mktemp)
for _ in $(seq 1 "$samples"); do
  jstack "$pid" 2>/dev/null | awk '
    /^"/ { keep = ($0 ~ /vert.x-eventloop|event-store|vert.x-worker/); top = ""; own = ""; runnable = 0; next }
    keep && /java.lang.Thread.State: RUNNABLE/ { runnable = 1; next }
    keep && runnable && /^\tat / { f = $2; if (top == "") top = f; if (own == "" && f ~ /^vn\.phonghop/) own = f; next }
    keep && runnable && /^$/ { if (top !~ /EPoll|epollWait|Unsafe.park/) print "top " top; if (own != "" && top !~ /EPoll|epollWait/) print "own " own; runnable = 0 }
  ' >> "$out" || true
  sleep 0.5
done
echo "== top frames (busy threads, $samples samples)"; grep '^top ' "$out" | sort | uniq -c | sort -rn | head -15
echo "== innermost vn.phonghop frames"; grep '^own ' "$out" | sort | uniq -c | sort -rn | head -15
rm -f "$out"
