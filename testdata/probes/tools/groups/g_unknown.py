"""Probes: elements the definitions do not have."""
from probelib import bundle, insert


def add(P, T, X):
    P("unknown", "top-level", insert(T(), "exectionPeriod", {"start": "2024-01-10T08:30:00Z"}, after="executionPeriod"),
      "a misspelled top-level element")
    P("unknown", "top-level", X(insert(T(), "exectionPeriod", {"start": "2024-01-10T08:30:00Z"},
                                       after="executionPeriod")), "a misspelled element in XML", fmt="xml")
    P("unknown", "two-top-level", insert(insert(T(), "foo", 1, after="status"), "bar", "x", after="intent"),
      "two unknown elements")
    P("unknown", "in-coding", T(code={"coding": [{"system": "http://hl7.org/fhir/CodeSystem/task-code",
                                                  "code": "fulfill", "codee": "x"}]}),
      "an unknown element inside a Coding (code.coding[0].codee)")
    P("unknown", "in-period", T(executionPeriod={"start": "2024-01-10T08:30:00Z", "begin": "2024-01-10T08:30:00Z"}),
      "an unknown element inside a Period")
    P("unknown", "in-backbone", T(input=[{"type": {"text": "x"}, "valueString": "y", "name": "z"}]),
      "an unknown element inside Task.input")
    P("unknown", "shadow-of-unknown", insert(T(), "_foo", {"id": "x"}, after="status"),
      "_foo: the shadow of an element that does not exist")
    P("unknown", "shadow-of-complex", insert(T(), "_code", {"id": "x"}, after="code"),
      "_code: a shadow member for a complex element")
    P("unknown", "case-differs", insert(T(), "Status", "completed", after="status"),
      "Status (capital S) next to status")
    P("unknown", "in-extension", insert(T(), "extension", [{"url": "http://example.org/fhir/ext/a", "valueString": "x",
                                                            "colour": "red"}], after="text"),
      "an unknown element inside an extension")
    P("unknown", "in-narrative", T(text={"status": "generated", "div": T()["text"]["div"], "lang": "en"}),
      "an unknown element inside Narrative")
    P("unknown", "in-meta", insert(T(), "meta", {"versionId": "1", "author": "x"}, after="id"),
      "an unknown element inside meta")
    P("unknown", "r5-element-in-r4", insert(insert(T(), "performerType", [{"text": "nurse"}], after="requester"),
                                            "requestedPeriod", {"start": "2024-01-10T08:00:00Z"},
                                            after="for"),
      "an R5-only element in an R4 Task (the R4-only performerType ties the detector, so R4 is chosen)")
    P("unknown", "r4-element-in-r5", insert(insert(T("R5"), "requestedPeriod", {"start": "2024-01-10T08:00:00Z"},
                                                   after="for"), "reasonCode", {"text": "why"}, after="owner"),
      "an R4-only element (reasonCode) in an R5 Task (two R5-only elements win)", release="R5")
    P("unknown", "in-contained", insert(T(), "contained", [{"resourceType": "Patient", "id": "p1", "nam": "x"}],
                                        after="text"),
      "an unknown element inside a contained Patient (also unreferenced: dom-3)")
    P("unknown", "in-bundle-entry", bundle("collection", [("http://example.org/fhir/Task/probe", T(),
                                                           {"flag": True})]),
      "an unknown element on Bundle.entry: routed to the Task in that entry")
    P("unknown", "in-bundle-root", insert(bundle("collection", [("http://example.org/fhir/Task/probe", T(), None)]),
                                          "colour", "red", after="type"),
      "an unknown element on the Bundle itself: an envelope finding")
    P("unknown", "in-other-entry", bundle("collection", [
        ("http://example.org/fhir/Patient/pat-1", {"resourceType": "Patient", "id": "pat-1", "nam": "x"}, None),
        ("http://example.org/fhir/Task/probe", T(), None)]),
      "an unknown element in a Patient entry of the same Bundle: not reported (other resources are skipped)")
