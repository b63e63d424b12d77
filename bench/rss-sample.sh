#!/usr/bin/env bash
# Runs a command and samples its resident set (VmRSS, VmHWM of the largest process in its tree) every
# INTERVAL seconds: "elapsed_s rss_mb hwm_mb" lines on the file given first; the command's output passes through.
# Usage: bench/rss-sample.sh SAMPLES_FILE INTERVAL COMMAND...
set -euo pipefail
out="$1"; interval="$2"; shift 2
"$@" &
pid=$!
start=$(date +%s)
: >"$out"
while kill -0 "$pid" 2>/dev/null; do
    best_rss=0; best_hwm=0
    for p in $pid $(pgrep -P "$pid" 2>/dev/null || true); do
        read -r rss hwm < <(awk '/^VmRSS:/ {r=$2} /^VmHWM:/ {h=$2} END {print r+0, h+0}' "/proc/$p/status" 2>/dev/null || echo "0 0")
        (( rss > best_rss )) && best_rss=$rss && best_hwm=$hwm
    done
    echo "$(( $(date +%s) - start )) $(( best_rss / 1024 )) $(( best_hwm / 1024 ))" >>"$out"
    sleep "$interval"
done
wait "$pid"
