#!/usr/bin/env bash
# Alternates istanas and the PyTorch reference (A, B, A, B, ...) on the same work and prints one JSON line per
# run, each preceded by the load average; docs/engine.md keeps the results. Run from the repository root:
#   bench/ab-torch.sh SHARED_BENCH_DIR ROUNDS CASE...
# CASE: sparse-darts-v2 (the sparse search step with DARTS_V2's supports, B=64, C=16, 8 cells),
#       dense-B (the dense DARTS step at batch B), onestage (istanas only: PyTorch has no one-stage reference),
#       train-8x16 (retraining step, DARTS_V2, 8 cells, 16 channels, B=64),
#       train-20x36 (retraining step, DARTS_V2, 20 cells, 36 channels, B=96, aux 0.4, drop-path 0.2).
# Environment: PYTHON (default /usr/bin/python3), STEPS (timed steps of the train and dense cases),
#   TORCH_DATA (CIFAR-10 binary folder torch_train_reference.py reads even when it only times steps;
#   default SHARED_BENCH_DIR/../data/cifar10-mini; its absence was the reference's start-up failure),
#   ISTANAS_BEFORE (the root of a second, already built checkout, e.g. the commit before a change: its
#   `istanas` runs right before this tree's on every istanas case, so before/after/PyTorch alternate).
#   ISTANAS_VARIANT_ENV (e.g. "ISTANAS_ALLOCATOR=glibc"): every istanas case runs once more, right after
#   the plain run, with these variables set (env(1) syntax), so a setting is compared on the same build.
# Neither checkout is rebuilt during the runs (ISTANAS_NO_BUILD=1): build both first.
set -euo pipefail
ref="${1:?shared bench directory (torch_reference.py)}"
rounds="${2:?rounds}"
shift 2
export OMP_WAIT_POLICY=PASSIVE
python="${PYTHON:-/usr/bin/python3}"
steps="${STEPS:-3}"
data="${TORCH_DATA:-$ref/../data/cifar10-mini}"
[[ -f "$data/data_batch_1.bin" ]] || { echo "no $data/data_batch_1.bin (set TORCH_DATA)" >&2; exit 2; }
export ISTANAS_NO_BUILD=1
before="${ISTANAS_BEFORE:-}"
run() {
    local line="# load: $(cut -d' ' -f1-3 /proc/loadavg)  $*"
    echo "$line" >&2
    echo "$line"
    "$@"
}
read -r -a variant <<<"${ISTANAS_VARIANT_ENV:-}"
istanas() { # the before checkout (if any), then this one, then this one with the variant's environment (if any)
    if [[ -n "$before" ]]; then
        run "$before/istanas" "$@"
    fi
    run ./istanas "$@"
    if (( ${#variant[@]} > 0 )); then
        run env "${variant[@]}" ./istanas "$@"
    fi
}
for ((r = 1; r <= rounds; r++)); do
    for case in "$@"; do
        case "$case" in
            sparse-darts-v2)
                istanas bench step --mode sparse --support-genotype DARTS_V2 --batch 64 --channels 16 \
                    --layers 8 --steps 5 --json
                run "$python" "$ref/torch_reference.py" --mode sparse --support-genotype DARTS_V2 --batch 64 \
                    --channels 16 --layers 8 --steps 5 --threads 2 ;;
            dense-*)
                b="${case#dense-}"
                istanas bench step --mode dense --batch "$b" --channels 16 --layers 8 --steps "$steps" \
                    --warmup 1 --json
                run "$python" "$ref/torch_reference.py" --mode dense --batch "$b" --channels 16 --layers 8 \
                    --steps "$steps" --threads 2 ;;
            train-8x16)
                istanas bench train --genotype DARTS_V2 --layers 8 --channels 16 --batch 64 --aux-weight 0 \
                    --drop-path 0 --steps "$steps" --warmup 1 --json
                run "$python" "$ref/torch_train_reference.py" --data "$data" --layers 8 --channels 16 --batch 64 \
                    --time-steps "$steps" --threads 2 | grep -E '^# load|"impl"' ;;
            train-20x36)
                istanas bench train --genotype DARTS_V2 --layers 20 --channels 36 --batch 96 --aux-weight 0.4 \
                    --drop-path 0.2 --steps "$steps" --warmup 1 --json
                run "$python" "$ref/torch_train_reference.py" --data "$data" --layers 20 --channels 36 --batch 96 \
                    --aux-weight 0.4 --drop-path 0.2 --time-steps "$steps" --threads 2 | grep -E '^# load|"impl"' ;;
            onestage)
                istanas bench onestage --steps 2 --warmup 1 --support-genotype DARTS_V2 --json ;;
            *) echo "unknown case $case" >&2; exit 2 ;;
        esac
    done
done
