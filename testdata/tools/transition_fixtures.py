#!/usr/bin/env python3
"""Writes the transition rules' fixtures: testdata/fixtures/rules/transition-N/{r4,r5}/*.json (history
Bundles) and each folder's cases.json. Run from the repository root: python3 testdata/tools/transition_fixtures.py

Each case is a history of one Task, written as a FHIR history Bundle, newest first (as servers return
them) or oldest first, alternating, so both orders are exercised. Every version is made consistent with
its status (owner, executionPeriod, statusReason, outputs), so a case shows only the transition findings
it is about. `expect` lists findings by version number (1 = the first version); the Bundle entry index
is worked out here.
"""
import json
import os

ROOT = os.path.join("testdata", "fixtures", "rules")
T0 = "2025-01-01T09:00:00Z"

ACTIVE = {"received", "accepted", "rejected", "in-progress", "on-hold", "completed", "failed"}
STARTED = {"in-progress", "on-hold", "completed", "failed"}
NEEDS_REASON = {"failed", "rejected", "cancelled", "on-hold"}


def day(n, hour=10):
    return "2025-01-%02dT%02d:00:00Z" % (n, hour)


def task(release, tid, v, status, t, start=None, end=None, outputs=None, intent="order", authored=T0,
         reason=None, business=None, progress=None, version_id=True, last_modified=None):
    r = {"resourceType": "Task", "id": tid}
    meta = {"lastUpdated": t}
    if version_id:
        meta = {"versionId": str(v), "lastUpdated": t}
    r["meta"] = meta
    r["text"] = {"status": "generated",
                 "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Physiotherapy course, version %d: %s</p></div>" % (v, status)}
    r["status"] = status
    if reason is None and status in NEEDS_REASON:
        reason = "Reason for %s" % status
    if reason is not None:
        r["statusReason"] = {"text": reason} if release == "r4" else {"concept": {"text": reason}}
    if business is not None:
        r["businessStatus"] = {"text": business}
    r["intent"] = intent
    r["priority"] = "routine"
    r["code"] = {"coding": [{"system": "http://hl7.org/fhir/CodeSystem/task-code", "code": "fulfill"}]}
    r["focus"] = {"reference": "ServiceRequest/physio-1"}
    r["for"] = {"reference": "Patient/pat-1"}
    if start is None and status in STARTED:
        start = day(2)
    if end is None and status == "completed":
        end = t
    if start is not None or end is not None:
        period = {}
        if start is not None:
            period["start"] = start
        if end is not None:
            period["end"] = end
        r["executionPeriod"] = period
    if authored is not None:
        r["authoredOn"] = authored
    r["lastModified"] = last_modified or t
    r["requester"] = {"reference": "Practitioner/pr-1"}
    r["owner"] = {"reference": "Organization/physio-clinic"}
    out = []
    if progress is not None:
        num, den = progress
        out.append({"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                          "code": "therapy"}], "text": "Sessions completed"},
                    "valueRatio": {"numerator": {"value": num, "unit": "sessions",
                                                 "system": "http://unitsofmeasure.org", "code": "1"},
                                   "denominator": {"value": den, "unit": "sessions",
                                                   "system": "http://unitsofmeasure.org", "code": "1"}}})
    if outputs is None and status == "completed":
        outputs = ["DocumentReference/physio-summary"]
    for ref in outputs or []:
        out.append({"type": {"text": "Discharge summary"}, "valueReference": {"reference": ref}})
    if out:
        r["output"] = out
    return r


def bundle(versions, newest_first):
    entries = []
    for i, r in enumerate(versions):
        first = i == 0
        e = {"fullUrl": "http://example.org/fhir/Task/" + r["id"], "resource": r,
             "request": {"method": "POST" if first else "PUT", "url": "Task" if first else "Task/" + r["id"]},
             "response": {"status": "201 Created" if first else "200 OK",
                          "lastModified": r["meta"]["lastUpdated"]}}
        entries.append(e)
    if newest_first:
        entries.reverse()
    return {"resourceType": "Bundle", "id": versions[0]["id"] + "-history", "type": "history",
            "total": len(entries), "entry": entries}


def chain(release, tid, steps, **common):
    """steps: list of (status, kwargs) -> versions 1..n, a day apart from 2025-01-01. executionPeriod.start
    is the time of the first version in a started status, and stays (unless a step sets its own)."""
    out = []
    started = None
    for i, (status, kw) in enumerate(steps):
        args = dict(common)
        args.update(kw)
        t = args.pop("t", day(i + 1))
        if started is None and status in STARTED:
            started = t
        if "start" not in args and started is not None:
            args["start"] = started
        out.append(task(release, tid, i + 1, status, t, **args))
    return out


def s(status, **kw):
    return (status, kw)


# rule -> list of (name, description, steps-or-versions builder, expectations, extra case fields)
# expectations: list of (ruleId, severity, version number, element)
CASES = {
    "transition-1": [
        ("pass-requested-to-completed", "requested, accepted, in-progress, completed: every change a diagram edge",
         [s("requested"), s("accepted"), s("in-progress"), s("completed")], [], {}),
        ("fail-requested-to-in-progress", "requested straight to in-progress: no such edge",
         [s("requested"), s("in-progress")], [("transition-1", "error", 2, "status")], {}),
        ("fail-stopped-back-to-ready", "in-progress back to ready: allowed only by the narrative (warning)",
         [s("ready"), s("in-progress"), s("ready", start=day(2))], [("transition-1", "warning", 3, "status")], {}),
        ("fail-stopped-back-to-ready", "strict: the narrative-only edge is an error",
         None, [("transition-1", "error", 3, "status")], {"ruleSet": "strict"}),
        ("pass-requested-to-in-progress-own-table", "a user's state machine allows requested to in-progress",
         [s("requested"), s("in-progress")], [], {"stateMachine": "direct-start.json"}),
        ("fail-hrex-received", "hrex: received is not an HRex status, so requested to received is no edge of its table",
         [s("requested"), s("received")],
         [("hrex-1", "error", 2, "status"), ("transition-1", "error", 2, "status")], {"ruleSet": "hrex"}),
    ],
    "transition-2": [
        ("pass-completed-then-entered-in-error", "a completed Task marked entered-in-error: any status may go there",
         [s("ready"), s("in-progress"), s("completed"), s("entered-in-error", start=day(2), end=day(3))],
         [("status-10", "information", 4, "status")], {}),
        ("fail-completed-reopened", "completed, then in progress again",
         [s("ready"), s("in-progress"), s("completed"), s("in-progress", outputs=["DocumentReference/physio-summary"])],
         [("transition-2", "warning", 4, "status")], {}),
    ],
    "transition-3": [
        ("pass-entered-in-error-stays", "requested, then entered-in-error, and it stays there",
         [s("requested"), s("entered-in-error")], [("status-10", "information", 2, "status")], {}),
        ("fail-entered-in-error-revived", "entered-in-error, then requested again",
         [s("requested"), s("entered-in-error"), s("requested")],
         [("status-10", "information", 2, "status"), ("transition-3", "error", 3, "status")], {}),
    ],
    "transition-4": [
        ("pass-ready-cancelled", "a ready Task cancelled before work started",
         [s("ready"), s("cancelled")], [], {}),
        ("fail-in-progress-cancelled", "a started Task cancelled directly",
         [s("ready"), s("in-progress"), s("cancelled", start=day(2), end=day(3))],
         [("transition-4", "warning", 3, "status")], {}),
        ("fail-in-progress-cancelled-au", "au-erequesting: a started Task cancelled directly is an error",
         [s("requested"), s("accepted"), s("in-progress"), s("cancelled", start=day(3), end=day(4))],
         [("transition-4", "error", 4, "status")], {"ruleSet": "au-erequesting"}),
    ],
    "transition-5": [
        ("pass-hold-and-resume", "in progress, on hold, resumed in progress, completed",
         [s("ready"), s("in-progress"), s("on-hold"), s("in-progress"), s("completed")], [], {}),
        ("fail-resumes-elsewhere", "ready, held, then in progress: not the status before the hold",
         [s("ready"), s("on-hold", start=None), s("in-progress")],
         [("transition-1", "warning", 2, "status"), ("transition-5", "warning", 3, "status")], {}),
    ],
    "transition-6": [
        ("pass-intent-kept", "intent order throughout",
         [s("requested"), s("accepted")], [], {}),
        ("fail-intent-changed", "a plan becomes an order",
         [s("requested", intent="plan"), s("accepted")], [("transition-6", "error", 2, "intent")], {}),
    ],
    "transition-7": [
        ("pass-authored-kept", "authoredOn kept",
         [s("requested"), s("accepted")], [], {}),
        ("fail-authored-moved", "authoredOn moved a day later",
         [s("requested"), s("accepted", authored="2025-01-01T10:00:00Z")],
         [("transition-7", "warning", 2, "authoredOn")], {}),
    ],
    "transition-8": [
        ("pass-last-modified-moves", "lastModified moves with each change",
         [s("requested"), s("accepted")], [], {}),
        ("fail-status-changed-same-last-modified", "the status changed but lastModified stayed",
         [s("requested"), s("accepted", t=day(2), last_modified=day(1))],
         [("transition-8", "warning", 2, "lastModified")], {}),
    ],
    "transition-9": [
        ("pass-business-status-follows", "businessStatus changes with the status",
         [s("ready"), s("in-progress", business="Sessions booked"), s("completed", business="Discharged")], [], {}),
        ("fail-business-status-stale", "completed with the businessStatus of in-progress",
         [s("ready"), s("in-progress", business="Sessions booked"), s("completed", business="Sessions booked")],
         [("transition-9", "warning", 3, "businessStatus")], {}),
    ],
    "transition-10": [
        ("pass-start-kept", "executionPeriod.start kept once set",
         [s("ready"), s("in-progress"), s("completed")], [], {}),
        ("fail-start-moved", "executionPeriod.start moved when completing",
         [s("ready"), s("in-progress"), s("completed", start="2025-01-02T11:00:00Z")],
         [("transition-10", "warning", 3, "executionPeriod.start")], {}),
    ],
    "transition-11": [
        ("pass-progress-grows", "4 of 10 sessions, then 5 of 10",
         [s("ready", progress=(0, 10)), s("in-progress", progress=(4, 10)), s("in-progress", progress=(5, 10))], [], {}),
        ("fail-progress-decreases", "5 of 10 sessions, then 4 of 10",
         [s("ready", progress=(0, 10)), s("in-progress", progress=(5, 10)), s("in-progress", progress=(4, 10))],
         [("transition-11", "warning", 3, "output[0].value.ofType(Ratio).numerator")], {}),
        ("fail-progress-replanned", "5 of 10 sessions, then 4 of 8: re-planned (information)",
         [s("ready", progress=(0, 10)), s("in-progress", progress=(5, 10)), s("in-progress", progress=(4, 8))],
         [("transition-11", "information", 3, "output[0].value.ofType(Ratio).numerator")], {}),
    ],
    "transition-12": [
        ("pass-outputs-kept", "a completed Task gains an output and keeps the first",
         [s("ready"), s("in-progress"), s("completed"),
          s("completed", outputs=["DocumentReference/physio-summary", "DocumentReference/physio-letter"])],
         [], {}),
        ("fail-output-removed", "a completed Task loses its discharge summary",
         [s("ready"), s("in-progress"),
          s("completed", outputs=["DocumentReference/physio-summary", "DocumentReference/physio-letter"]),
          s("completed")],
         [("transition-12", "warning", 4, "output")], {}),
    ],
    "transition-13": [
        ("pass-created-requested", "created as requested",
         [s("requested"), s("accepted")], [], {}),
        ("fail-created-in-progress", "created already in progress",
         [s("in-progress"), s("completed")], [("transition-13", "information", 1, "status")], {}),
    ],
    "transition-14": [
        ("pass-consistent", "versionIds in time order",
         [s("requested"), s("accepted"), s("in-progress")], [], {}),
        ("fail-time-order", "version 3 was modified before version 2",
         [s("requested"), s("accepted", t=day(3)), s("in-progress", t=day(2))],
         [("transition-14", "error", 3, "lastModified")], {}),
        ("fail-conflict", "two different versions both called 2",
         "conflict", [("transition-14", "error", 3, "meta.versionId")], {}),
    ],
    "transition-15": [
        ("pass-completed-long-ago", "completed in January: done, not stuck",
         [s("ready"), s("in-progress"), s("completed")], [], {"stuckAfter": "P30D"}),
        ("fail-in-progress-since-january", "in progress since January, checked in June with a 30-day threshold",
         [s("ready"), s("in-progress")], [("transition-15", "warning", 2, "lastModified")], {"stuckAfter": "P30D"}),
        ("pass-in-progress-since-january", "no threshold: the stuck check is off",
         [s("ready"), s("in-progress")], [], {}),
    ],
}

SUMMARIES = {
    "transition-1": "Each status change is an edge of the state machine; narrative-only edges are warnings",
    "transition-2": "A Task leaves a terminal status (completed, failed, cancelled, rejected)",
    "transition-3": "A Task leaves entered-in-error",
    "transition-4": "An in-progress Task is cancelled directly rather than through a cancellation request",
    "transition-5": "A Task leaving on-hold resumes in the status it had before the hold",
    "transition-6": "intent never changes between versions",
    "transition-7": "authoredOn does not change once set",
    "transition-8": "lastModified never goes backwards, and moves when the status changes",
    "transition-9": "When the status changes, a statusReason or businessStatus does not stay the same",
    "transition-10": "executionPeriod.start does not change once set",
    "transition-11": "A progress numerator does not decrease; information when the denominator changed",
    "transition-12": "Outputs are not removed after the Task is completed",
    "transition-13": "A history starts in one of the state machine's initial statuses",
    "transition-14": "A history is consistent: one content per versionId, versionIds in time order",
    "transition-15": "A non-terminal Task has not been modified for longer than the stuck threshold",
}

DIRECT_START = {
    "name": "direct-start",
    "title": "A workflow whose performers start requested Tasks directly",
    "fhirVersions": ["R4", "R4B", "R5"],
    "statuses": ["draft", "requested", "received", "accepted", "rejected", "ready", "cancelled", "in-progress",
                 "on-hold", "failed", "completed", "entered-in-error"],
    "initial": ["requested"],
    "terminal": ["completed", "failed", "cancelled", "rejected", "entered-in-error"],
    "resumeFrom": ["on-hold"],
    "transitions": [
        {"from": "requested", "to": ["in-progress", "rejected", "cancelled"]},
        {"from": "in-progress", "to": ["on-hold", "completed", "failed"]},
        {"from": "on-hold", "to": ["in-progress"]},
        {"from": "*", "to": ["entered-in-error"]},
    ],
}


def conflict(release, tid):
    v = chain(release, tid, [s("requested"), s("accepted"), s("in-progress")])
    v[2]["meta"]["versionId"] = "2"
    return v


def main():
    for rule, cases in CASES.items():
        folder = os.path.join(ROOT, rule)
        manifest = {"rule": rule, "description": SUMMARIES[rule], "cases": []}
        previous_steps = None
        newest_first = True
        for n, (name, description, steps, expect, extra) in enumerate(cases):
            if steps is None:
                steps = previous_steps
                write = False
            else:
                write = True
                newest_first = n % 2 == 0
            previous_steps = steps
            for release, versions_list in (("r4", ["R4", "R4B"]), ("r5", ["R5"])):
                tid = rule + "-" + name
                tid = tid[:64]
                versions = conflict(release, tid) if steps == "conflict" else chain(release, tid, steps)
                doc = bundle(versions, newest_first)
                path = os.path.join(folder, release, name + ".json")
                if write:
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with open(path, "w") as f:
                        json.dump(doc, f, indent=2)
                        f.write("\n")
                count = len(versions)
                exp = []
                for rid, sev, version, element in expect:
                    index = count - version if newest_first else version - 1
                    expr = "Bundle.entry[%d].resource" % index + ("." + element if element else "")
                    exp.append({"ruleId": rid, "severity": sev, "expression": expr})
                case = {"file": release + "/" + name + ".json", "fhirVersions": versions_list,
                        "description": description + (" (history Bundle, newest first)" if newest_first
                                                      else " (history Bundle, oldest first)"),
                        "expect": exp}
                case.update(extra)
                manifest["cases"].append(case)
        if rule == "transition-1":
            with open(os.path.join(folder, "direct-start.json"), "w") as f:
                json.dump(DIRECT_START, f, indent=2)
                f.write("\n")
        with open(os.path.join(folder, "cases.json"), "w") as f:
            json.dump(manifest, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
