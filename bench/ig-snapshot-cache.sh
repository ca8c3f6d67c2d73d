#!/usr/bin/env bash
# The IG snapshot cache (issue 16): time to the first result of a whole `taskcheck` process over the
# Data Sharing Framework test packages, with a cold cache (snapshots generated) and a warm one (read
# from disk), against a baseline run in the same script without --ig (the core definitions alone).
# Prints medians, the ratio cold/warm of the whole first result, and of the part the IG packages
# add to the baseline.
#
#   ./mvnw -q -DskipTests package && bench/ig-snapshot-cache.sh [runs, default 5]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/cli/target/taskcheck.jar"
[[ -f "$jar" ]] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
runs=${1:-5}
pk="$root/testdata/ig-packages"
task="$pk/examples/dsf-task-start-ping.xml"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

first_result() { # prints processFirstResultMs of one run; $1 = cache dir, rest = options
  local cache=$1; shift
  TASKCHECK_CACHE="$cache" java ${JAVA_OPTS:-} -jar "$jar" validate --engine reference --format json \
    --fail-on none "$@" "$task" 2>/dev/null |
    sed -n 's/.*"processFirstResultMs" *: *\([0-9]*\).*/\1/p'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

igs=(--ig "$pk/dsf-process-ping-pong" --ig "$pk/dsf-base-v1")
: >"$work/base"; : >"$work/cold"; : >"$work/warm"
for i in $(seq "$runs"); do
  first_result off >>"$work/base"
  rm -rf "$work/cache"
  first_result "$work/cache" "${igs[@]}" >>"$work/cold"
  first_result "$work/cache" "${igs[@]}" >>"$work/warm"
done
base=$(median <"$work/base"); cold=$(median <"$work/cold"); warm=$(median <"$work/warm")
echo "first result of a whole process, median of $runs runs ($(nproc) cores, $(date -u +%F)):"
echo "  baseline, no --ig (core definitions only): ${base} ms"
echo "  --ig, cold snapshot cache (generated):     ${cold} ms"
echo "  --ig, warm snapshot cache (read):          ${warm} ms"
awk -v b="$base" -v c="$cold" -v w="$warm" 'BEGIN {
  printf "  whole first result, cold/warm:            %.2fx\n", c / w
  if (w > b) printf "  what the packages add, cold/warm:          %.2fx (%d ms -> %d ms)\n", (c - b) / (w - b), c - b, w - b
  else printf "  what the packages add: %d ms cold, none measurable warm\n", c - b
}'
