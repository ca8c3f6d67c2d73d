#!/usr/bin/env bash
# Measures the reference engine on generated R4 Tasks: cold start to first result (whole process),
# throughput with 1 thread and with all cores, and peak resident memory. Prints the 1-thread run as the
# baseline of the same run and the ratio of the parallel run to it, and both against the HAPI figures of
# the team's BASELINE.md (88 Tasks/s on 1 thread, 176 Tasks/s on 2, 4.9 s to the first result).
#
#   ./mvnw -q -DskipTests package && bench/reference-engine.sh            (COUNT=5000 by default)
#   COUNT=2000 DEFECT_RATE=0.2 bench/reference-engine.sh
#
# Needs: a JDK, GNU time (/usr/bin/time) for peak memory. Wall-clock figures: run on a quiet machine.
set -euo pipefail

COUNT=${COUNT:-5000}
DEFECT_RATE=${DEFECT_RATE:-0.4}
THREADS=${THREADS:-$(nproc)}
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/cli/target/taskcheck.jar"
gen=$(ls "$root"/testdata/target/taskcheck-testdata-*.jar | grep -v sources | head -1)
[[ -f "$jar" && -f "$gen" ]] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

java -jar "$gen" --count "$COUNT" --defect-rate "$DEFECT_RATE" --seed 42 --format ndjson --out "$work/tasks.ndjson"
java -jar "$gen" --count 1 --seed 7 --format ndjson --out "$work/one.ndjson"

json_number() { # file key -> the first number after "key":
  grep -o "\"$2\": *[0-9]*" "$1" | head -1 | grep -o '[0-9]*$'
}

# run NAME ARGS... : runs taskcheck validate with a JSON report, records wall time and peak RSS
run() {
  local name=$1; shift
  /usr/bin/time -f '%M %e' -o "$work/$name.time" \
    java ${JAVA_OPTS:-} -jar "$jar" validate --quiet --fail-on none --format json --output "$work/$name" "$@" >/dev/null
  read -r rss_kb wall < "$work/$name.time"
  local report="$work/$name/taskcheck.json"
  local resources elapsed first process
  resources=$(json_number "$report" resources)
  elapsed=$(json_number "$report" elapsedMs)
  first=$(json_number "$report" firstResultMs)
  process=$(json_number "$report" processFirstResultMs)
  echo "$name $resources $elapsed $first $process $rss_kb $wall"
}

echo "TaskCheck reference engine benchmark: $COUNT generated R4 Tasks (defect rate $DEFECT_RATE), $(nproc) cores"
echo "java: $(java -version 2>&1 | head -1)"
echo

read -r _ _ _ _ cold_r4 rss_r4 wall_r4 <<< "$(run cold-r4 --fhir-version R4 "$work/one.ndjson")"
read -r _ _ _ _ cold_r5 rss_r5 wall_r5 <<< "$(run cold-r5 --fhir-version R5 "$work/one.ndjson")"
read -r _ n1 e1 f1 p1 rss1 w1 <<< "$(run t1 --threads 1 --fhir-version R4 "$work/tasks.ndjson")"
read -r _ nn en fn pn rssn wn <<< "$(run tn --threads "$THREADS" --fhir-version R4 "$work/tasks.ndjson")"
read -r _ nm em fm pm rssm wm <<< "$(JAVA_OPTS="${JAVA_OPTS:-} -Xmx512m" run tn-512m --threads "$THREADS" --fhir-version R4 "$work/tasks.ndjson")"
# baseline in the same run: HAPI's own way, a new HL7 InstanceValidator for every document
read -r _ nb eb fb pb rssb wb <<< "$(JAVA_OPTS="${JAVA_OPTS:-} -Dtaskcheck.reference.reuse=1" run hapi-way --threads 1 --fhir-version R4 "$work/tasks.ndjson")"

awk -v c4="$cold_r4" -v c5="$cold_r5" -v r4="$rss_r4" -v r5="$rss_r5" \
    -v n1="$n1" -v e1="$e1" -v f1="$f1" -v rss1="$rss1" \
    -v nn="$nn" -v en="$en" -v fn="$fn" -v rssn="$rssn" -v t="$THREADS" \
    -v nb="$nb" -v eb="$eb" -v fb="$fb" -v rssb="$rssb" \
    -v nm="$nm" -v em="$em" -v fm="$fm" -v rssm="$rssm" 'BEGIN {
  printf "%-44s %10s %12s\n", "", "value", "peak RSS";
  printf "%-44s %8.2f s %9.0f MiB\n", "cold start to first result, R4 (process)", c4/1000, r4/1024;
  printf "%-44s %8.2f s %9.0f MiB\n", "cold start to first result, R5 (process)", c5/1000, r5/1024;
  s1 = (n1 - 1) / ((e1 - f1) / 1000); sn = (nn - 1) / ((en - fn) / 1000);
  sb = (nb - 1) / ((eb - fb) / 1000);
  printf "%-44s %6.0f /s %9.0f MiB\n", "baseline: new InstanceValidator per document", sb, rssb/1024;
  printf "%-44s %6.0f /s %9.0f MiB\n", "Tasks per second after the first, 1 thread", s1, rss1/1024;
  printf "%-44s %6.0f /s %9.0f MiB\n", "Tasks per second after the first, " t " threads", sn, rssn/1024;
  sm = (nm - 1) / ((em - fm) / 1000);
  printf "%-44s %6.0f /s %9.0f MiB\n", "the same with -Xmx512m", sm, rssm/1024;
  printf "%-44s %8.2f s\n", "whole run, " nn " Tasks, " t " threads", en/1000;
  printf "\n";
  printf "ratio reused / new InstanceValidator, 1 thread  %5.2fx\n", s1 / sb;
  printf "ratio %d threads / 1 thread (this run)          %5.2fx\n", t, sn / s1;
  printf "ratio to BASELINE.md HAPI, 1 thread (88/s)     %5.2fx\n", s1 / 88;
  printf "ratio to BASELINE.md HAPI, 2 threads (176/s)   %5.2fx\n", sn / 176;
  printf "ratio to BASELINE.md cold start (4.9 s), R4    %5.2fx\n", 4900 / c4;
}'
