"""Probes: too few or too many occurrences."""
from probelib import bundle, insert, without


def add(P, T, X):
    P("cardinality", "missing-status", without(T(), "status"), "Task.status (1..1) absent")
    P("cardinality", "missing-status", X(without(T(), "status")), "Task.status absent, XML", fmt="xml")
    P("cardinality", "missing-intent", without(T(), "intent"), "Task.intent (1..1) absent")
    P("cardinality", "missing-status-and-intent", without(T(), "status", "intent"), "status and intent absent")
    P("cardinality", "missing-status-r5", without(T("R5"), "status"), "Task.status absent in R5", release="R5")
    P("cardinality", "input-without-value", T(input=[{"type": {"text": "x"}}]), "Task.input.value[x] (1..1) absent")
    P("cardinality", "input-without-type", T(input=[{"valueString": "x"}]), "Task.input.type (1..1) absent")
    P("cardinality", "second-input-without-value", T(input=[{"type": {"text": "a"}, "valueString": "x"},
                                                            {"type": {"text": "b"}}]),
      "the second input lacks its value: index in the expression")
    P("cardinality", "output-without-type-and-value", T(output=[{}]), "an output with neither type nor value")
    P("cardinality", "narrative-without-div", T(text={"status": "generated"}), "Narrative.div (1..1) absent")
    P("cardinality", "narrative-without-status", T(text={"div": T()["text"]["div"]}), "Narrative.status absent")
    P("cardinality", "annotation-without-text", T(note=[{"authorString": "me"}]), "Annotation.text (1..1) absent")
    P("cardinality", "extension-without-url", insert(T(), "extension", [{"valueString": "x"}], after="text"),
      "an extension without url")
    P("cardinality", "bundle-without-type", without(bundle("collection", [
        ("http://example.org/fhir/Task/probe", T(), None)]), "type"), "Bundle.type (1..1) absent")
    P("cardinality", "transaction-entry-without-request", bundle("transaction", [
        ("urn:uuid:0c3e1a52-2f0e-4d3c-9e8e-2a7c1f6b9d01", T(), None)]),
      "a transaction entry without request (bdl-3)")
    P("cardinality", "request-without-method", bundle("transaction", [
        ("urn:uuid:0c3e1a52-2f0e-4d3c-9e8e-2a7c1f6b9d01", T(), {"request": {"url": "Task"}})]),
      "Bundle.entry.request.method (1..1) absent")
    P("cardinality", "restriction-empty-recipient", T(restriction={"recipient": [{"display": "Dr A"}]}),
      "restriction with a recipient reference that has only a display: no cardinality issue")
    P("cardinality", "coding-in-contained-missing", insert(T(), "contained", [
        {"resourceType": "Observation", "id": "o1", "code": {"text": "x"}}], after="text"),
      "a contained Observation without its status (1..1)")
