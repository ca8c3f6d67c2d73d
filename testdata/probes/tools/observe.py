#!/usr/bin/env python3
"""Runs a TaskCheck jar over every probe folder once and writes testdata/probes/observed.json; then runs it once
more over a few probes with --rule-set core and writes testdata/probes/observed-core.json.

usage: python3 testdata/probes/tools/observe.py [JAR]     (default: /tmp/jar-before/taskcheck.jar)
       python3 testdata/probes/tools/observe.py JAR --only extension/a.json ...
         (observes only these probes and merges their findings into observed.json, keeping the others)

The jar is run from the repository root as
  java -jar JAR validate --engine reference --format json --now 2025-06-01T00:00:00Z --fail-on none
      testdata/probes/<group>...
(--engine reference: the probes record what the reference engine says, whatever the jar's default engine)
(every group folder, not testdata/probes itself, so that observed.json and probes.tsv are not read as inputs).
observed.json maps each probe file to the sorted list of its findings: ruleId, severity, expression, line,
column, messageId, and (for reading) the issue type and the finding's source (structure, profile, parser,
rule), to tell engine findings from rule findings.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROBES = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(PROBES))


# a few probes also run with --rule-set core, where no profile rule can report and TaskCheck skips its Task
# profile pass: the findings that pass adds (duplicates, type-regex findings) are then absent
CORE = ["cardinality/missing-status.json", "cardinality/input-without-value.json", "primitive/datetime-no-timezone.json",
        "release/r5-datetime-no-timezone.json", "xml/duplicate-0-1.xml", "xml/out-of-order.xml",
        "profile/status-2-no-start.json", "profile/status-2-contained-task.json", "binding/required-code-status.json"]


def run(jar, inputs, extra=()):
    args = ["java", "-jar", jar, "validate", "--engine", "reference", "--format", "json",
            "--now", "2025-06-01T00:00:00Z",
            "--fail-on", "none"] + list(extra) + ["testdata/probes/" + i for i in inputs]
    run = subprocess.run(args, cwd=REPO, capture_output=True, text=True)
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        raise SystemExit("taskcheck exited with " + str(run.returncode))
    return json.loads(run.stdout)


def main():
    jar = sys.argv[1] if len(sys.argv) > 1 else "/tmp/jar-before/taskcheck.jar"
    if len(sys.argv) > 2 and sys.argv[2] == "--only":
        merge(run(jar, sys.argv[3:]), "observed.json", sys.argv[3:])
        return
    groups = sorted(d for d in os.listdir(PROBES)
                    if os.path.isdir(os.path.join(PROBES, d)) and d != "tools" and not d.startswith("."))
    report = run(jar, groups)
    write(report, "observed.json", None)
    with open("/tmp/probes-messages.json", "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1, ensure_ascii=False)
    write(run(jar, CORE, ["--rule-set", "core"]), "observed-core.json", CORE)


def findings(report, only):
    """Each probe file's sorted findings; only: the probe files of the run, or None for every probe file."""
    files = {f: [] for f in only} if only is not None else {}
    for root, _, names in (os.walk(PROBES) if only is None else ()):
        if os.path.relpath(root, PROBES).split(os.sep)[0] == "tools":
            continue
        for n in names:
            if n.endswith(".json") or n.endswith(".xml") or n.endswith(".ndjson"):
                rel = os.path.relpath(os.path.join(root, n), PROBES).replace(os.sep, "/")
                if "/" in rel:
                    files[rel] = []
    for result in report["results"]:
        rel = result["source"][len("testdata/probes/"):]
        for i in result["issues"]:
            files.setdefault(rel, []).append({
                "ruleId": i["ruleId"], "severity": i["severity"], "expression": i["expression"],
                "line": i["line"], "column": i["column"], "messageId": i.get("messageId"),
                "type": i.get("type"), "source": i.get("source")})

    def key(f):
        return (f["line"] if f["line"] is not None else 1 << 30, f["column"] if f["column"] is not None else 1 << 30,
                f["ruleId"], f["expression"] or "", f["severity"], f["messageId"] or "")
    return {k: sorted(v, key=key) for k, v in sorted(files.items())}


def dump(out, name):
    with open(os.path.join(PROBES, name), "w", encoding="utf-8", newline="\n") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")


def write(report, name, only):
    out = findings(report, only)
    dump(out, name)
    print(name + ":", len(out), "files,", sum(len(v) for v in out.values()), "findings")


def merge(report, name, only):
    """Writes the findings of the probes in only into the file, keeping every other probe's."""
    with open(os.path.join(PROBES, name), encoding="utf-8") as f:
        kept = json.load(f)
    kept.update(findings(report, only))
    dump({k: kept[k] for k in sorted(kept)}, name)
    print(name + ":", len(kept), "files after merging", len(only))


if __name__ == "__main__":
    main()
