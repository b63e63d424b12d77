#!/usr/bin/env bash
# Issue 20's check: runs an `istanas evaluate` (or any command printing "epoch N/M ..." lines), samples the resident
# set every second (bench/rss-sample.sh) and prints the RSS at the end of each epoch, then the peak (VmHWM).
# Usage (repository root): bench/epoch-rss.sh WORK_DIR COMMAND...
#   e.g. bench/epoch-rss.sh /tmp/rss ./istanas evaluate --preset cpu --set epochs=5 --set trainImages=0 \
#        --set testImages=0 --dataset cifar10 --data-dir ../shared/data/cifar10-mini --genotype DARTS_V2 --out OUT
# Output lines: "epoch N rss_mb R", then "peak_rss_mb H"; the command's own output is in WORK_DIR/output.log with
# the seconds since the start in front of every line.
set -euo pipefail
work="$1"; shift
mkdir -p "$work"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
start=$(date +%s)
"$here/rss-sample.sh" "$work/rss.txt" 1 "$@" 2>&1 | while IFS= read -r line; do
    printf '%d %s\n' "$(( $(date +%s) - start ))" "$line"
done >"$work/output.log"
# the last sample taken at or before each epoch line's second
awk 'NR == FNR { rss[$1] = $2; if ($3 > hwm) hwm = $3; next }
     $2 == "epoch" && $3 ~ /^[0-9]+\/[0-9]+$/ {
         t = $1; while (t >= 0 && !(t in rss)) t--; split($3, e, "/"); print "epoch", e[1], "rss_mb", (t >= 0 ? rss[t] : "?")
     }
     END { print "peak_rss_mb", hwm }' "$work/rss.txt" "$work/output.log"
