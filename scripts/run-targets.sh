#!/usr/bin/env bash
# Runs every shipped pool-library target on every per-interpreter environment that has it, at the
# release scripts/setup-targets.sh installed there (its newest for that interpreter), with the
# shipped expectations/<target>.json, and merges everything into one report.
#
#   bash scripts/run-targets.sh [--help] [OUT]        (OUT default: reports/targets)
#
# Two passes, sized for a 2-core machine (710 s measured, 2,110 cases; MPCONFORM_TARGET_RUNS scales both):
#   wide:  every library on every environment (--python all --target LIB), the start-method
#          families and general (defaults, context-set-once, picklability, general: mpire has pools
#          only), MPCONFORM_TARGET_RUNS (6) runs each;
#   deep:  the other families, the corpus included, on the environments of the newest CPython
#          build and Debian's python3 (MPCONFORM_DEEP_ENVS; empty: none): those environments are in
#          the wide pass too, and a case run twice (same seed, same id) could not be merged.
# Every pass uses one seed (MPCONFORM_SEED, default 12), so `mpconform merge` can join them into
# OUT/merged (report.json, summary.md with the library × release × Python table, repros).
# Conformance failures (findings) do not fail the script; bad input or a crash does.
set -euo pipefail
if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0; fi
cd "$(dirname "$0")/.."
OUT="${1:-reports/targets}"
SEED="${MPCONFORM_SEED:-12}"
RUNS="${MPCONFORM_TARGET_RUNS:-6}"
LIBS=(multiprocess billiard pebble loky mpire)
read -r -a DEEP <<< "${MPCONFORM_DEEP_ENVS-cpython-3.13.15-built cpython-3.11.2-debian}"
COMMON=(--seed "$SEED" --runs "$RUNS" --jobs 2 --shrink-budget 10 --reruns 1)
WIDE_FAMILIES=(--family defaults --family context-set-once --family picklability --family general)
DEEP_FAMILIES=(--family guard-bootstrapping --family cross-context-semlock --family inheritance-only --family globals --family corpus)
mpc() { npx tsx src/cli/main.ts "$@"; }
run() { # exit 1 is a finding; anything else is an error
  local rc=0; mpc run "$@" || rc=$?
  if [[ $rc -ne 0 && $rc -ne 1 ]]; then echo "run-targets: mpconform run $* exited $rc" >&2; exit "$rc"; fi
}
rm -rf "$OUT"; mkdir -p "$OUT"
t0=$(date +%s)
for lib in "${LIBS[@]}"; do
  echo "== [$(( $(date +%s) - t0 )) s] wide: $lib on every environment that has it"
  run --python all --target "$lib" "${WIDE_FAMILIES[@]}" "${COMMON[@]}" --report-dir "$OUT/wide-$lib"
done
for env in "${DEEP[@]}"; do
  for lib in "${LIBS[@]}"; do
    echo "== [$(( $(date +%s) - t0 )) s] deep: $lib on $env"
    run --python "env:$env" --target "$lib" "${DEEP_FAMILIES[@]}" "${COMMON[@]}" --report-dir "$OUT/deep-$env-$lib"
  done
done
echo "== [$(( $(date +%s) - t0 )) s] merge"
rc=0; mpc merge "$OUT"/wide-* "$OUT"/deep-* --report-dir "$OUT/merged" || rc=$?
[[ $rc -le 1 ]] || exit "$rc"
echo "== [$(( $(date +%s) - t0 )) s] done: $OUT/merged/summary.md"
