#!/usr/bin/env bash
# Microseconds per TaskCheck.checkTransition call after warm-up (JSON and HAPI objects), against a full
# validation of the new version in the same run.
#
#   ./mvnw -q -DskipTests package && bench/transition-check.sh [CALLS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/cli/target/taskcheck.jar"
[[ -f "$jar" ]] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
exec java -Xmx1g -cp "$jar" "$root/bench/TransitionBench.java" "$@"
