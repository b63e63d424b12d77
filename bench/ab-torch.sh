#!/usr/bin/env bash
# Alternates istanas and the PyTorch reference (A, B, A, B, ...) on the same work and prints one JSON line per
# run, each preceded by the load average; docs/engine.md keeps the results. Run from the repository root:
#   bench/ab-torch.sh SHARED_BENCH_DIR ROUNDS CASE...
# CASE: sparse-darts-v2 (the sparse search step with DARTS_V2's supports, B=64, C=16, 8 cells),
#       dense-B (the dense DARTS step at batch B), onestage (istanas only: PyTorch has no one-stage reference).
set -euo pipefail
ref="${1:?shared bench directory (torch_reference.py)}"
rounds="${2:?rounds}"
shift 2
export OMP_WAIT_POLICY=PASSIVE
python="${PYTHON:-/usr/bin/python3}"
run() {
    echo "# load: $(cut -d' ' -f1-3 /proc/loadavg)  $*" >&2
    "$@"
}
for ((r = 1; r <= rounds; r++)); do
    for case in "$@"; do
        case "$case" in
            sparse-darts-v2)
                run ./istanas bench step --mode sparse --support-genotype DARTS_V2 --batch 64 --channels 16 \
                    --layers 8 --steps 5 --json
                run "$python" "$ref/torch_reference.py" --mode sparse --support-genotype DARTS_V2 --batch 64 \
                    --channels 16 --layers 8 --steps 5 --threads 2 ;;
            dense-*)
                b="${case#dense-}"
                run ./istanas bench step --mode dense --batch "$b" --channels 16 --layers 8 --steps 2 --warmup 1 --json
                run "$python" "$ref/torch_reference.py" --mode dense --batch "$b" --channels 16 --layers 8 \
                    --steps 2 --threads 2 ;;
            onestage)
                run ./istanas bench onestage --steps 2 --warmup 1 --support-genotype DARTS_V2 --json ;;
            *) echo "unknown case $case" >&2; exit 2 ;;
        esac
    done
done
