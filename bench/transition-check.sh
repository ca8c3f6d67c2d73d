#!/usr/bin/env bash
# Microseconds per TaskCheck.checkTransition call after warm-up (JSON and HAPI objects), against a full
# validation of the new version in the same run.
#
#   ./mvnw -q -DskipTests package && bench/transition-check.sh [CALLS]
#
# The benchmark is built by the bench module (bench/target/taskcheck-bench.jar); the CLI's jar brings
# TaskCheck and its libraries (cli/target/lib) onto the class path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/cli/target/taskcheck.jar"
bench="$root/bench/target/taskcheck-bench.jar"
[[ -f "$jar" && -f "$bench" ]] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
exec java -Xmx1g -cp "$bench:$jar" dev.taskcheck.bench.TransitionBench "$@"
