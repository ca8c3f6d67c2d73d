#!/usr/bin/env bash
# A paired comparison of this tree's build with an earlier commit's: both validate the same generated R4
# Tasks at the same time, one process per core, in rounds; then again with the cores swapped, for
# AB_PASSES passes (4; each ~1 min). Prints, for each pass, after a warm-up, the median ratio of the paired
# rounds (this tree / the commit), and the geometric mean over the passes: swapping cancels what one core
# does better than the other, new processes what one JIT compilation does better than another (one
# process can run 15% slower than the next throughout). On a shared machine single runs of
# bench/engines.sh move by 20%; paired rounds see the same noise, so changes of a few percent show (two
# runs of the same code gave 0.98). But each process settles in one of two steady rates, 1.7x apart
# (docs/engines/fast-engine.md): read the per-pass rates, not only the mean.
#
# Each process gets one CPU (-XX:ActiveProcessorCount=1), with which the JVM picks its serial collector;
# bench/engines.sh runs under the default G1, which weighs allocation differently. AB_GC=g1 (with
# AB_MODE=same-process) runs each process as engines.sh does instead: both CPUs, G1, one process at a
# time (so twice as long).
#
# AB_MODE=same-process runs both builds in each process instead, in class loaders of their own, in
# alternating rounds (dev.taskcheck.bench.PairBench): the machine's moves then hit both alike. Two
# loads of the same build still differ by a few percent (each has its own JIT), so it runs several
# processes and takes the geometric mean.
#
#   ./mvnw -q -DskipTests package && bench/ab.sh <commit> [--engine auto|fast] [--count 6000] [--rounds 30] [--warm-up 25]
#
# The commit is built once, in the git worktree target/ab/<commit> (kept for the next comparison; `git
# worktree remove` drops it); both sides run this tree's dev.taskcheck.bench.RateBench (TaskCheck's public
# API only) with their own taskcheck.jar.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[[ $# -ge 1 ]] || { sed -n '2,26p' "$0" >&2; exit 2; }
commit=$(git -C "$root" rev-parse --short "$1")
shift
jar="$root/cli/target/taskcheck.jar"
bench="$root/bench/target/taskcheck-bench.jar"
gen=$(ls "$root"/testdata/target/taskcheck-testdata-*.jar 2>/dev/null | grep -v sources | head -1 || true)
[[ -f "$jar" && -f "$bench" && -n "$gen" ]] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
command -v taskset >/dev/null || { echo "needs taskset (util-linux) to give each side its own core" >&2; exit 2; }
[[ $(nproc) -ge 2 ]] || { echo "needs two cores, one per side" >&2; exit 2; }

work="$root/target/ab/$commit"
old="$work/cli/target/taskcheck.jar"
if [[ ! -f "$old" ]]; then
  rm -rf "$work"
  git -C "$root" worktree prune
  git -C "$root" worktree add --detach "$work" "$commit" >/dev/null
  echo "building $commit in $work ..."
  (cd "$work" && ./mvnw -q package -pl cli -am -DskipTests -DskipITs -Dinvoker.skip=true -Djacoco.skip=true \
      -Dspotless.check.skip=true) >"$root/target/ab/$commit.build.log" 2>&1 \
    || { echo "the build of $commit failed: $root/target/ab/$commit.build.log" >&2; exit 1; }
fi

out="$root/target/ab/$commit.runs"
mkdir -p "$out"
run() { # core jar file args...
  local core=$1 side=$2 file=$3
  shift 3
  taskset -c "$core" java -Xmx1g -XX:ActiveProcessorCount=1 -cp "$bench:$gen:$side" \
    dev.taskcheck.bench.RateBench "$@" >"$file"
}
passes=${AB_PASSES:-4}
if [[ ${AB_MODE:-} == same-process ]]; then
  # both builds in each process, in turns (PairBench); two such processes at a time, one per core,
  # each loading the builds in the other order; AB_PASSES/2 rounds of two processes
  ratios=()
  for ((pass = 1; pass <= (passes + 1) / 2; pass++)); do
    echo "pass $pass: two processes, each with $commit and this tree in turns ..."
    if [[ ${AB_GC:-} == g1 ]]; then
      # as bench/engines.sh runs: both CPUs and G1, so one process at a time
      java -Xmx1g -XX:+UseG1GC -cp "$bench:$gen" dev.taskcheck.bench.PairBench \
        --baseline "$old" --change "$jar" "$@" >"$out/pair-$pass-0.txt"
      java -Xmx1g -XX:+UseG1GC -cp "$bench:$gen" dev.taskcheck.bench.PairBench \
        --baseline "$old" --change "$jar" --change-first true "$@" >"$out/pair-$pass-1.txt"
    else
      taskset -c 0 java -Xmx1g -XX:ActiveProcessorCount=1 -cp "$bench:$gen" dev.taskcheck.bench.PairBench \
        --baseline "$old" --change "$jar" "$@" >"$out/pair-$pass-0.txt" &
      taskset -c 1 java -Xmx1g -XX:ActiveProcessorCount=1 -cp "$bench:$gen" dev.taskcheck.bench.PairBench \
        --baseline "$old" --change "$jar" --change-first true "$@" >"$out/pair-$pass-1.txt" &
      wait
    fi
    for f in "$out/pair-$pass-0.txt" "$out/pair-$pass-1.txt"; do
      head -2 "$f"
      ratios+=("$(sed -n 's/.*change\/baseline \([0-9.]*\) .*/\1/p' "$f" | head -1)")
    done
  done
  printf '%s\n' "${ratios[@]}" | awk '{ l += log($1); n++ } END { printf "change/baseline over the %d processes (geometric mean): %.3f\n", n, exp(l / n) }'
  exit 0
fi
pairs=()
for ((pass = 1; pass <= passes; pass++)); do
  if ((pass % 2 == 1)); then a=0 b=1; else a=1 b=0; fi
  echo "pass $pass: $commit on core $a, this tree on core $b ..."
  run "$a" "$old" "$out/base-$pass.txt" "$@" &
  run "$b" "$jar" "$out/change-$pass.txt" "$@" &
  wait
  java -cp "$bench:$gen:$jar" dev.taskcheck.bench.RateBench --compare "$out/base-$pass.txt" "$out/change-$pass.txt"
  pairs+=("$out/base-$pass.txt" "$out/change-$pass.txt")
done
java -cp "$bench:$gen:$jar" dev.taskcheck.bench.RateBench --compare "${pairs[@]}" | tail -1
