#!/usr/bin/env python3
"""Copy the third-party Task corpus from the shared corpus into testdata/corpus.

Usage (from the repository root or anywhere):

    python3 testdata/tools/import_corpus.py [--shared ../shared/corpus] [--check]
    python3 testdata/tools/import_corpus.py --ndjson testdata/target/corpus-r4-tasks.ndjson

What it does (Python 3.8+, standard library only):

* copies every selected payload byte for byte (no re-encoding, CRLF kept) from the shared
  corpus to testdata/corpus/<source>/..., following MAPPING below;
* writes one _provenance.json per source folder: the original file, copied unchanged where the
  folder layout is unchanged, or with the "file" paths rewritten (ibm/) or filtered to the
  copied files (fhir-test-cases/) where it is not;
* writes corpus/INDEX.tsv: the rows of the shared INDEX.tsv for the copied files, with the path
  rewritten relative to testdata/corpus, plus a last column shared_corpus_path (where the file
  sits in the shared corpus) so that tests can compare bytes;
* --check compares instead of writing, and exits 1 on any difference;
* --ndjson OUT writes a derived NDJSON of every R4 JSON Task instance in the copied corpus (top
  level Tasks and Bundle.entry.resource Tasks), each compacted by removing insignificant
  whitespace only (content unchanged), identical instances once, plus OUT.index.json naming the
  source of each line (and "alsoIn" for duplicates). The derived file is not committed:
  regenerate it when you need it.
"""

import argparse
import hashlib
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTDATA = os.path.dirname(HERE)
CORPUS = os.path.join(TESTDATA, "corpus")
DEFAULT_SHARED = os.path.normpath(os.path.join(TESTDATA, "..", "..", "shared", "corpus"))

# Files that only exist in the shared fhir-test-cases folder and contain or support a Task test.
FHIR_TEST_CASES_FILES = [
    "validator/xver-task-r4.json",
    "validator/xver-task-r5.json",
    "validator/mixed-type-slicing.xml",
    "validator/mixed-type-slicing-profile.xml",
    "validator/outcomes/java/R5.xver-task-r5-base.json",
    "validator/outcomes/java/R4.mixed-type-slicing-base.json",
    "validator/outcomes/firely-sdk-current/R4.mixed-type-slicing-base.json",
    "validator/outcomes/firely-sdk-wip/R4.mixed-type-slicing-base.json",
]

# Rows for copied files that the shared INDEX.tsv does not list (expected validator outcomes).
EXTRA_ROWS = {
    "fhir-test-cases/validator/outcomes/java/R5.xver-task-r5-base.json":
        ("R5 (5.0.0)", "n/a (expected outcome)",
         'expected HL7 Java validator outcome for test "xver-task-r5" (0 errors, 0 warnings, 1 info)'),
    "fhir-test-cases/validator/outcomes/java/R4.mixed-type-slicing-base.json":
        ("R4 (4.0.1)", "n/a (expected outcome)",
         'expected HL7 Java validator outcome for test "mixed-type-slicing"'),
    "fhir-test-cases/validator/outcomes/firely-sdk-current/R4.mixed-type-slicing-base.json":
        ("R4 (4.0.1)", "n/a (expected outcome)",
         'expected Firely SDK (current) outcome for test "mixed-type-slicing"'),
    "fhir-test-cases/validator/outcomes/firely-sdk-wip/R4.mixed-type-slicing-base.json":
        ("R4 (4.0.1)", "n/a (expected outcome)",
         'expected Firely SDK (wip) outcome for test "mixed-type-slicing"'),
}

# (shared folder, testdata folder, selection): selection None = every file in the folder.
MAPPING = [
    ("spec-r4", "spec-r4", None),
    ("spec-r4b", "spec-r4b", None),
    ("spec-r5", "spec-r5", None),
    ("ig", "ig", None),
    ("peer-ibm-fhir-examples/json/ibm", "ibm", None),
    ("bulk/gematik-erezept-test-scenarios", "gematik", None),
    ("fhir-test-cases", "fhir-test-cases", FHIR_TEST_CASES_FILES),
    ("spec-r6-invariant-tests", "fhir-test-cases/spec-r6-invariant-tests", None),
]

# Provenance files: (shared provenance folder, testdata provenance folder, shared prefix of the
# "file" entries that is dropped in testdata).
PROVENANCE = [
    ("spec-r4", "spec-r4", ""),
    ("spec-r4b", "spec-r4b", ""),
    ("spec-r5", "spec-r5", ""),
    ("peer-ibm-fhir-examples", "ibm", "json/ibm/"),
    ("bulk/gematik-erezept-test-scenarios", "gematik", ""),
    ("fhir-test-cases", "fhir-test-cases", ""),
    ("spec-r6-invariant-tests", "fhir-test-cases/spec-r6-invariant-tests", ""),
]

META = {"_provenance.json", "INDEX.tsv", "README.md"}
INDEX_COLUMNS = ["file", "source_repo", "source_path", "commit", "fhir_version", "task_instances",
                 "believed", "reason", "license"]


def rel(path, start):
    return os.path.relpath(path, start).replace(os.sep, "/")


def plan(shared):
    """Returns [(shared relative path, testdata corpus relative path)] in a stable order."""
    pairs = []
    for src, dst, selection in MAPPING:
        root = os.path.join(shared, src)
        if selection is None:
            names = []
            for d, _, files in os.walk(root):
                names += [rel(os.path.join(d, f), root) for f in files if f not in META]
        else:
            names = list(selection)
        for name in sorted(names):
            pairs.append((src + "/" + name, dst + "/" + name))
    return pairs


def provenance_folders(shared):
    """PROVENANCE plus the IG folders, whose provenance files sit next to their payloads."""
    folders = list(PROVENANCE)
    for d, _, files in sorted(os.walk(os.path.join(shared, "ig"))):
        if "_provenance.json" in files:
            folders.append((rel(d, shared), rel(d, shared), ""))
    return folders


def provenance_bytes(shared, src, dst, prefix, copied):
    path = os.path.join(shared, src, "_provenance.json")
    with open(path, "rb") as f:
        original = f.read()
    entries = json.loads(original.decode("utf-8"))
    kept = []
    for e in entries:
        name = e["file"]
        if prefix:
            assert name.startswith(prefix), name
            name = name[len(prefix):]
        if dst + "/" + name in copied:
            e = dict(e)
            e["file"] = name
            kept.append(e)
    if kept == entries:
        return original
    return json.dumps(kept, indent=1, ensure_ascii=False).encode("utf-8")


def read_index(shared):
    rows = {}
    with open(os.path.join(shared, "INDEX.tsv"), encoding="utf-8", newline="") as f:
        header = f.readline().rstrip("\n").split("\t")
        assert header == INDEX_COLUMNS, header
        for line in f:
            cols = line.rstrip("\n").split("\t")
            rows[cols[0]] = cols
    return rows


def index_bytes(shared, pairs):
    rows = read_index(shared)
    prov = {}
    for src, _, _ in provenance_folders(shared):
        for e in json.load(open(os.path.join(shared, src, "_provenance.json"), encoding="utf-8")):
            prov[src + "/" + e["file"]] = e
    out = ["\t".join(INDEX_COLUMNS + ["shared_corpus_path", "sha256"])]
    for src, dst in sorted(pairs, key=lambda p: p[1]):
        if src in rows:
            cols = list(rows[src])
            cols[0] = dst
        else:
            e = prov[src]
            version, believed, reason = EXTRA_ROWS[dst]
            cols = [dst, e["repo"], e["path"], e["commit"], version, "0", believed, reason,
                    "Apache-2.0"]
        with open(os.path.join(shared, src), "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        out.append("\t".join(cols + [src, digest]))
    return ("\n".join(out) + "\n").encode("utf-8")


def wanted(shared):
    """Every file testdata/corpus should hold: {corpus relative path: bytes or shared path}."""
    pairs = plan(shared)
    files = {dst: os.path.join(shared, src) for src, dst in pairs}
    copied = set(files)
    for src, dst, prefix in provenance_folders(shared):
        files[dst + "/_provenance.json"] = provenance_bytes(shared, src, dst, prefix, copied)
    files["INDEX.tsv"] = index_bytes(shared, pairs)
    return files


def content(v):
    if isinstance(v, bytes):
        return v
    with open(v, "rb") as f:
        return f.read()


def sync(shared, check):
    files = wanted(shared)
    existing = set()
    if os.path.isdir(CORPUS):
        for d, _, names in os.walk(CORPUS):
            existing |= {rel(os.path.join(d, n), CORPUS) for n in names}
    differences = 0
    for name in sorted(existing - set(files)):
        differences += 1
        print(("extra: " if check else "removing: ") + name)
        if not check:
            os.remove(os.path.join(CORPUS, name))
    for name, v in sorted(files.items()):
        target = os.path.join(CORPUS, name)
        data = content(v)
        if os.path.isfile(target):
            with open(target, "rb") as f:
                if f.read() == data:
                    continue
        differences += 1
        print(("differs: " if check else "writing: ") + name)
        if not check:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if isinstance(v, bytes):
                with open(target, "wb") as f:
                    f.write(v)
            else:
                shutil.copyfile(v, target)
    print("%d files, %d %s" % (len(files), differences, "differences" if check else "written or removed"))
    return differences


# ---- derived NDJSON -------------------------------------------------------------------------

def compact(text):
    """Removes insignificant JSON whitespace; strings and numbers are kept character for character."""
    out = []
    in_string = False
    escaped = False
    for ch in text:
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
            out.append(ch)
        elif ch not in " \t\r\n":
            out.append(ch)
    return "".join(out)


class Spans:
    """A minimal JSON reader that remembers the source span of every value."""

    def __init__(self, text):
        self.t = text
        self.i = 0

    def ws(self):
        while self.i < len(self.t) and self.t[self.i] in " \t\r\n":
            self.i += 1

    def value(self):
        """Returns (python value, start, end)."""
        self.ws()
        start = self.i
        c = self.t[self.i]
        if c == "{":
            self.i += 1
            members = {}
            self.ws()
            if self.t[self.i] == "}":
                self.i += 1
                return members, start, self.i
            while True:
                key, _, _ = self.value()
                self.ws()
                assert self.t[self.i] == ":"
                self.i += 1
                members[key] = self.value()
                self.ws()
                if self.t[self.i] == ",":
                    self.i += 1
                    continue
                assert self.t[self.i] == "}"
                self.i += 1
                return members, start, self.i
        if c == "[":
            self.i += 1
            items = []
            self.ws()
            if self.t[self.i] == "]":
                self.i += 1
                return items, start, self.i
            while True:
                items.append(self.value())
                self.ws()
                if self.t[self.i] == ",":
                    self.i += 1
                    continue
                assert self.t[self.i] == "]"
                self.i += 1
                return items, start, self.i
        if c == '"':
            j = self.i + 1
            while self.t[j] != '"':
                j += 2 if self.t[j] == "\\" else 1
            self.i = j + 1
            return json.loads(self.t[start:self.i]), start, self.i
        j = self.i
        while j < len(self.t) and self.t[j] not in ",]} \t\r\n":
            j += 1
        self.i = j
        return self.t[start:j], start, j


def task_spans(text):
    root, s, e = Spans(text).value()
    found = []
    if isinstance(root, dict) and root.get("resourceType", (None,))[0] == "Task":
        found.append(("$", s, e))
    if isinstance(root, dict) and root.get("resourceType", (None,))[0] == "Bundle" and "entry" in root:
        for k, (entry, _, _) in enumerate(root["entry"][0]):
            res = entry.get("resource")
            if res and res[0].get("resourceType", (None,))[0] == "Task":
                found.append(("$.entry[%d].resource" % k, res[1], res[2]))
    return found


def write_ndjson(out):
    index_path = os.path.join(CORPUS, "INDEX.tsv")
    lines, index, seen = [], [], {}
    with open(index_path, encoding="utf-8") as f:
        f.readline()
        rows = [line.rstrip("\n").split("\t") for line in f]
    for row in rows:
        path, version = row[0], row[4]
        if not path.endswith(".json") or not version.startswith("R4 (4.0.1)"):
            continue
        with open(os.path.join(CORPUS, path), encoding="utf-8-sig") as f:
            text = f.read()
        for json_path, s, e in task_spans(text):
            line = compact(text[s:e])
            where = "corpus/" + path + "#" + json_path
            if line in seen:
                index[seen[line]].setdefault("alsoIn", []).append(where)
                continue
            seen[line] = len(lines)
            lines.append(line)
            index.append({"line": len(lines), "source": "corpus/" + path, "jsonPath": json_path})
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")
    with open(out + ".index.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(index, f, indent=1, ensure_ascii=False)
    print("%d Task instances written to %s" % (len(lines), out))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=DEFAULT_SHARED, help="the shared corpus folder")
    ap.add_argument("--check", action="store_true", help="compare only; exit 1 on differences")
    ap.add_argument("--ndjson", metavar="OUT", help="write the derived R4 Task NDJSON to OUT")
    a = ap.parse_args()
    if a.ndjson:
        write_ndjson(a.ndjson)
        return 0
    if not os.path.isdir(a.shared):
        print("no shared corpus at " + a.shared, file=sys.stderr)
        return 2
    differences = sync(a.shared, a.check)
    return 1 if a.check and differences else 0


if __name__ == "__main__":
    sys.exit(main())
