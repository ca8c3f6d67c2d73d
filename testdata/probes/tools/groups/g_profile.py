"""Probes: meta.profile handling and TaskCheck's own Task profile pass (its invariants are catalog rules)."""
from probelib import bundle, insert, with_, without

TC = "https://taskcheck.dev/fhir/StructureDefinition/"


def add(P, T, X):
    def p(name, doc, what, fmt="json", release="R4"):
        P("profile", name, doc, what, fmt=fmt, release=release)

    def prof(urls, release="R4", t=None):
        return insert(t if t is not None else T(release), "meta", {"profile": urls}, after="id")

    p("unknown", prof(["http://example.org/fhir/StructureDefinition/my-task"]), "a profile nobody has")
    p("unknown", X(prof(["http://example.org/fhir/StructureDefinition/my-task"])), "the same in XML", fmt="xml")
    p("unknown-two", prof(["http://example.org/fhir/StructureDefinition/a", "http://example.org/fhir/StructureDefinition/b"]),
      "two unknown profiles")
    p("unknown-versioned", prof(["http://example.org/fhir/StructureDefinition/my-task|1.0"]),
      "an unknown profile with a version")
    p("core-unversioned", prof(["http://hl7.org/fhir/StructureDefinition/Task"]), "the core Task url, no version")
    p("core-other-version", prof(["http://hl7.org/fhir/StructureDefinition/Task|5.0.0"], t=with_(
        T(), performerType=[{"text": "nurse"}])),
      "an R4 Task (performerType) naming Task|5.0.0: the detector picks R5")
    p("core-wrong-type", prof(["http://hl7.org/fhir/StructureDefinition/Patient"]), "meta.profile = core Patient")
    p("relative", prof(["StructureDefinition/my-task"]), "a relative profile url")
    p("taskcheck-task", prof([TC + "taskcheck-task"]), "meta.profile = TaskCheck's Task profile")
    p("taskcheck-task-missing-status", prof([TC + "taskcheck-task"], t=without(T(), "status")),
      "TaskCheck's profile declared and status missing (one cardinality finding, not two?)")
    p("taskcheck-task-and-unknown", prof([TC + "taskcheck-task", "http://example.org/fhir/StructureDefinition/x"]),
      "TaskCheck's profile and an unknown one")
    p("taskcheck-progress-ratio", prof([TC + "taskcheck-progress-ratio"]),
      "meta.profile = TaskCheck's Ratio profile (a datatype profile on a Task)")
    p("unknown-in-contained", insert(T(for_={"reference": "#p1"}), "contained", [
        {"resourceType": "Patient", "id": "p1", "meta": {"profile": ["http://example.org/fhir/StructureDefinition/pp"]}}],
        after="text"), "a contained Patient declaring an unknown profile")
    p("unknown-in-bundle-task", bundle("collection", [("http://example.org/fhir/Task/probe", prof(
        ["http://example.org/fhir/StructureDefinition/my-task"]), None)]), "a Bundle entry Task with an unknown profile")
    p("unknown-on-bundle", insert(bundle("collection", [("http://example.org/fhir/Task/probe", T(), None)]),
                                  "meta", {"profile": ["http://example.org/fhir/StructureDefinition/my-bundle"]},
                                  after="id"), "the Bundle declares an unknown profile (a warning: envelope drops it)")
    p("r5-unknown", prof(["http://example.org/fhir/StructureDefinition/my-task"], "R5"), "an unknown profile in R5",
      release="R5")
    # TaskCheck profile invariants (catalog rules) and where they report
    p("status-1-no-owner", without(T(), "owner"), "in-progress without owner: TaskCheck profile status-1")
    p("status-2-no-start", without(T(), "executionPeriod"), "in-progress without execution start: status-2")
    p("status-2-in-bundle", bundle("collection", [("http://example.org/fhir/Task/probe",
                                                   without(T(), "executionPeriod"), None)]),
      "status-2 on a Task in a Bundle")
    p("status-2-contained-task", insert(T(for_={"reference": "#t2"}), "contained", [
        {"resourceType": "Task", "id": "t2", "status": "in-progress", "intent": "order"}], after="text"),
      "a contained Task (no owner, no start): does the TaskCheck profile run on it?")
    p("status-2-r5", without(T("R5"), "executionPeriod"), "status-2 in R5", release="R5")
