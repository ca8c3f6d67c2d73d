#!/usr/bin/env bash
# The IG snapshot cache (issue 16): time to the first result of a whole `taskcheck` process over the
# Data Sharing Framework test packages, with a cold cache (snapshots generated) and a warm one (read
# from disk), against a baseline run in the same script without --ig (the core definitions alone).
# Measured with the default engine (auto: on a warm cache the fast engine checks a Task that conforms
# to its IG profile, without loading the reference engine) and with --engine reference.
# Prints medians and the ratios cold/warm of the whole first result.
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

first_result() { # prints "<processFirstResultMs> <engine that checked the Task>"; $1 = cache dir, $2 = engine, rest = options
  local cache=$1 engine=$2 out; shift 2
  out=$(TASKCHECK_CACHE="$cache" java ${JAVA_OPTS:-} -jar "$jar" validate --engine "$engine" --format json \
    --fail-on none "$@" "$task" 2>/dev/null)
  # the report's last "engine" is the result's (the first is the setting)
  echo "$(grep -o '"processFirstResultMs" *: *[0-9]*' <<<"$out" | grep -o '[0-9]*$')" \
    "$(grep -o '"engine" *: *"[a-z]*"' <<<"$out" | tail -1 | sed 's/.*"\([a-z]*\)"$/\1/')"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

igs=(--ig "$pk/dsf-process-ping-pong" --ig "$pk/dsf-base-v1")
for e in auto reference; do for k in base cold warm; do : >"$work/$k-$e"; done; done
for i in $(seq "$runs"); do
  for e in auto reference; do
    first_result off "$e" >>"$work/base-$e"
    rm -rf "$work/cache"
    first_result "$work/cache" "$e" "${igs[@]}" >>"$work/cold-$e"
    first_result "$work/cache" "$e" "${igs[@]}" >>"$work/warm-$e"
  done
done
checked() { cut -d' ' -f2 "$1" | sort | uniq -c | awk '{printf "%s%s x%d", (NR > 1 ? ", " : ""), $2, $1}'; }
echo "first result of a whole process, median of $runs runs ($(nproc) cores, $(date -u +%F)):"
for e in auto reference; do
  base=$(cut -d' ' -f1 "$work/base-$e" | median)
  cold=$(cut -d' ' -f1 "$work/cold-$e" | median)
  warm=$(cut -d' ' -f1 "$work/warm-$e" | median)
  echo "engine $e:"
  echo "  baseline, no --ig (core definitions only): ${base} ms (checked by $(checked "$work/base-$e"))"
  echo "  --ig, cold snapshot cache (generated):     ${cold} ms (checked by $(checked "$work/cold-$e"))"
  echo "  --ig, warm snapshot cache (read):          ${warm} ms (checked by $(checked "$work/warm-$e"))"
  awk -v c="$cold" -v w="$warm" 'BEGIN { printf "  whole first result, cold/warm:            %.2fx\n", c / w }'
done
