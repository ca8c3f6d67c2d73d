"""Probes: where R4, R4B and R5 differ for a Task."""
from probelib import insert, with_, without


def add(P, T, X):
    def p(name, doc, what, release):
        P("release", name, doc, what, release=release)

    p("r5-datetime-no-timezone", T("R5", lastModified="2024-01-10T09:00:00"),
      "R5: a dateTime with a time and no zone (no type-regex finding in R5)", "R5")
    p("r4b-datetime-no-timezone", T("R4B", lastModified="2024-01-10T09:00:00"), "R4B: the same", "R4B")
    p("r5-status-reason-codeable-reference", insert(T("R5"), "statusReason", {"concept": {"text": "waiting"}},
                                                   after="status"), "R5: statusReason as a CodeableReference", "R5")
    p("r5-status-reason-as-r4", insert(T("R5"), "statusReason", {"coding": [
        {"system": "http://example.org/cs", "code": "a"}]}, after="status"),
      "statusReason written the R4 way next to doNotPerform: one R4 and one R5 signal, the detector chooses R4",
      "R4")
    p("r5-requested-performer-bad-ref", insert(T("R5"), "requestedPerformer", [
        {"reference": {"reference": "Medication/med-1"}}], after="requester"),
      "R5: requestedPerformer (CodeableReference) -> Medication", "R5")
    p("r5-performer-without-actor", insert(T("R5"), "performer", [{"function": {"text": "x"}}], after="owner"),
      "R5: performer without actor (1..1)", "R5")
    p("r5-do-not-perform-string", with_(T("R5"), doNotPerform="false"), "R5: doNotPerform as a string", "R5")
    p("r5-reason-reference-bad", insert(T("R5"), "reason", [{"reference": {"reference": "Medication/med-1"}}],
                                        after="owner"), "R5: reason -> Medication (Reference(Any)?)", "R5")
    p("r5-for-bad", T("R5", for_={"reference": "Medication/med-1"}), "R5: for -> Medication (Reference(Any))", "R5")
    p("r5-owner-bad", T("R5", owner={"reference": "Medication/med-1"}), "R5: owner -> Medication", "R5")
    p("r4-owner-bad", T(owner={"reference": "Medication/med-1"}), "R4: owner -> Medication", "R4")
    p("r4b-owner-bad", T("R4B", owner={"reference": "Medication/med-1"}), "R4B: owner -> Medication", "R4B")
    p("r5-input-value-missing", T("R5", input=[{"type": {"text": "x"}}]), "R5: input without value", "R5")
    p("r5-intent-bad", T("R5", intent="command"), "R5: intent 'command'", "R5")
    p("r5-no-narrative-in-bundle", {"resourceType": "Bundle", "id": "b", "type": "collection", "entry": [
        {"fullUrl": "http://example.org/fhir/Task/probe", "resource": without(T("R5"), "text")}]},
      "R5: a Task without narrative in a Bundle", "R5")
    p("r4-no-narrative-in-bundle", {"resourceType": "Bundle", "id": "b", "type": "collection", "entry": [
        {"fullUrl": "http://example.org/fhir/Task/probe", "resource": without(T(), "text")}]},
      "R4: a Task without narrative in a Bundle", "R4")
    p("r4b-no-narrative", without(T("R4B"), "text"), "R4B: no narrative", "R4B")
    p("r4b-priority-bad", T("R4B", priority="high"), "R4B: priority 'high'", "R4B")
    p("r5-extension-unknown-on-primitive", insert(T("R5"), "_intent", {"extension": [
        {"url": "http://example.org/fhir/ext/a", "valueString": "x"}]}, after="intent"),
      "R5: an unknown extension on a primitive", "R5")
