#!/usr/bin/env bash
# Writes every report format of the built CLI over testdata into OUT (one folder per run), with a fixed
# clock and the timing fields blanked, so two builds can be compared byte for byte:
#   testdata/tools/report-golden.sh /tmp/before && (change, rebuild) && testdata/tools/report-golden.sh /tmp/after
#   diff -r /tmp/before /tmp/after
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = --normalize ]; then MODE=normalize; shift; else MODE=run; fi
OUT=${1:?usage: report-golden.sh [--normalize] OUT_DIR}
JAR=${TASKCHECK_JAR:-cli/target/taskcheck.jar}
NOW=2025-06-01T00:00:00Z
normalize() {  # run-dependent fields: times, the start instant, elapsed durations, paths of this checkout
  local dir=$1
  sed -i -E \
    -e 's/"(elapsedMs|firstResultMs|processFirstResultMs)": ?-?[0-9]+/"\1":0/g' \
    -e 's/"startedAt": ?"[^"]*"/"startedAt":""/g' \
    -e 's/ in [0-9.]+ (s|ms|min)( |$)/ in 0 s\2/g' \
    -e 's/(elapsedMs|firstResultMs|processFirstResultMs|startedAt|time|timestamp)="[^"]*"/\1=""/g' \
    -e 's#<(elapsed|started|firstResult)[^>]*>[^<]*</#<\1></#g' \
    -e 's/"(startTimeUtc|endTimeUtc|timestamp)": ?"[^"]*"/"\1":""/g' \
    -e 's#<dd>[0-9][0-9. a-z]*(s|ms|min)</dd>#<dd></dd>#g' \
    -e "s#file://$PWD/#file:///REPO/#g" \
    -e "s#$OUT/#OUT/#g" \
    "$dir"/* 2>/dev/null
  perl -0pi -e 's#(<dt>(Started|Elapsed)</dt>\s*<dd>)[^<]*#$1#g' "$dir"/taskcheck.html 2>/dev/null
}
if [ $MODE = normalize ]; then
  for d in "$OUT"/*/; do normalize "${d%/}"; done
  exit 0
fi
rm -rf "$OUT" && mkdir -p "$OUT"
run() {  # name, then the arguments of validate
  local name=$1; shift
  local dir="$OUT/$name"
  mkdir -p "$dir"
  java -jar "$JAR" validate --now "$NOW" --threads 2 --fail-on none \
      --format text,json,operationoutcome,junit,sarif,xml,html --output "$dir" "$@" \
      > "$dir/stdout.txt" 2> "$dir/stderr.txt"
  echo "exit $?" >> "$dir/stdout.txt"
  normalize "$dir"
}
run samples testdata/samples
run fixtures testdata/fixtures
run corpus testdata/corpus
run bad-input testdata/bad-input
run strict --rule-set strict testdata/samples testdata/fixtures/rules
run core --rule-set core testdata/fixtures/rules
run history --history --stuck-after 30d testdata/fixtures/rules/transition-1 testdata/corpus/gematik
run cow --rule-set cow testdata/fixtures/rules/cow-1 testdata/fixtures/rules/cow-2 testdata/fixtures/rules/transition-4
