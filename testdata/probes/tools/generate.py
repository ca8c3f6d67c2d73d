#!/usr/bin/env python3
"""Writes the probe documents under testdata/probes/<group>/ and the manifest testdata/probes/probes.tsv.

Each probe is a Task (alone, in a Bundle, or holding contained resources) that is valid but for the one
behaviour its name says. Run from anywhere: python3 testdata/probes/tools/generate.py
The documents are our own content (Apache-2.0).
"""
import copy
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probelib import (DIV, base_task, bundle, insert, ordered, to_json, to_xml, with_, without)  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROBES = []


def P(group, name, doc, what, fmt="json", release="R4"):
    """Registers one probe. doc is a dict (written as JSON or XML) or a str (written as is)."""
    PROBES.append((group, name, doc, what, fmt, release))


def T(release="R4", **kv):
    """The base Task of a release with members replaced or added."""
    return with_(base_task(release), **kv)


def X(doc, release="R4"):
    """A Task dict written as XML, its members in definition order."""
    return to_xml(ordered(doc, release))


# every group module adds its probes
from groups import (g_base, g_shape, g_unknown, g_card, g_prim, g_empty, g_binding, g_coding, g_reference,  # noqa
                    g_bundle, g_ext, g_narrative, g_inv, g_profile, g_contained, g_xml, g_release, g_types)


def main():
    for mod in (g_base, g_shape, g_unknown, g_card, g_prim, g_empty, g_binding, g_coding, g_reference, g_bundle,
                g_ext, g_narrative, g_inv, g_profile, g_contained, g_xml, g_release, g_types):
        mod.add(P, T, X)
    seen = set()
    groups = sorted({p[0] for p in PROBES})
    for g in groups:
        d = os.path.join(ROOT, g)
        if os.path.isdir(d):
            shutil.rmtree(d)
    rows = []
    for group, name, doc, what, fmt, release in PROBES:
        ext = fmt if fmt in ("xml", "ndjson") else "json"
        rel = group + "/" + name + "." + ext
        if rel in seen:
            raise SystemExit("duplicate probe " + rel)
        seen.add(rel)
        if isinstance(doc, str):
            text = doc
        elif fmt == "xml":
            text = to_xml(doc)
        else:
            text = to_json(doc)
        path = os.path.join(ROOT, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        rows.append((rel, release, fmt, what))
    with open(os.path.join(ROOT, "probes.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("file\trelease\tformat\twhat it isolates\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")
    print(len(rows), "probes written")


if __name__ == "__main__":
    main()
