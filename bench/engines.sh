#!/usr/bin/env bash
# The engines side by side on the same generated R4 Tasks, in one process: Jackson's tree parse (the
# baseline), the fast engine, auto, the reference engine and HAPI's FhirInstanceValidator; time to the
# first result, Tasks/s on 1 and on all cores, ratios to the reference engine and to the baseline, and
# the fast engine's coverage and agreement with the reference engine; then paired rounds, one second of
# the fast engine (and of auto) and one of the baseline in turns, on 1 and on N threads, with the median
# and quartiles of their ratios (--paired-rounds N, 10; 0 leaves them out): the steadier ratio to read.
#
#   ./mvnw -q -DskipTests package && bench/engines.sh [--count 2000] [--seconds 10] [--threads N] [--skip-hapi]
#       [--only fast,reference] [--skip-agreement] [--xml: the fast engine on the same Tasks as XML too]
#       [--paired-rounds 10]
#
# The benchmark is built by the bench module (bench/target/taskcheck-bench.jar); the CLI's jar brings
# TaskCheck and its libraries (cli/target/lib), the testdata jar the Task generator.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/cli/target/taskcheck.jar"
bench="$root/bench/target/taskcheck-bench.jar"
gen=$(ls "$root"/testdata/target/taskcheck-testdata-*.jar 2>/dev/null | grep -v sources | head -1 || true)
[[ -f "$jar" && -f "$bench" && -n "$gen" ]] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
exec java ${JAVA_OPTS:--Xmx4g} -cp "$bench:$gen:$jar" dev.taskcheck.bench.EngineBench "$@"
