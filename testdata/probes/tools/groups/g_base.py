"""Probes: clean documents (no finding expected) in every container the engine meets."""
import json

from probelib import base_task, bundle, insert, ordered, to_xml, with_


def add(P, T, X):
    P("base", "clean-r4", T(), "the R4 base Task: valid, narrative, no finding")
    P("base", "clean-r4", X(T()), "the R4 base Task as XML", fmt="xml")
    P("base", "clean-r5", T("R5"), "the R5 base Task (doNotPerform tells R5)", release="R5")
    P("base", "clean-r5", X(T("R5"), "R5"), "the R5 base Task as XML", fmt="xml", release="R5")
    P("base", "clean-r4b", T("R4B"), "the R4B base Task (a versioned core profile |4.3.0 tells R4B)", release="R4B")
    P("base", "clean-r4-versioned-core-profile", with_(T(), meta={
        "profile": ["http://hl7.org/fhir/StructureDefinition/Task|4.0.1"]}),
        "meta.profile names the core Task with its version: the validator says it is this version (hint)")
    t = T()
    t = insert(t, "contained", [{"resourceType": "Patient", "id": "p1", "active": True}], after="text")
    t["for"] = {"reference": "#p1"}
    P("base", "clean-contained-patient", t, "a contained Patient referenced from Task.for: no finding")
    P("base", "clean-contained-patient", X(t), "the same as XML", fmt="xml")

    task = T()
    P("base", "clean-bundle-collection", bundle("collection", [
        ("http://example.org/fhir/Task/probe", task, None)]), "a collection Bundle with one valid Task")
    P("base", "clean-bundle-collection", to_xml(bundle("collection", [
        ("http://example.org/fhir/Task/probe", ordered(task), None)])), "the same as XML", fmt="xml")
    P("base", "clean-bundle-searchset", bundle("searchset", [
        ("http://example.org/fhir/Task/probe", task, {"search": {"mode": "match"}})],
        extra={"total": 1, "link": [{"relation": "self", "url": "http://example.org/fhir/Task?_id=probe"}]}),
        "a searchset Bundle with a self link and search.mode on the entry")
    P("base", "clean-bundle-transaction", bundle("transaction", [
        ("urn:uuid:0c3e1a52-2f0e-4d3c-9e8e-2a7c1f6b9d01", task, {"request": {"method": "POST", "url": "Task"}})]),
        "a transaction Bundle posting a Task")
    P("base", "clean-bundle-batch", bundle("batch", [
        (None, task, {"request": {"method": "PUT", "url": "Task/probe"}})]),
        "a batch Bundle without fullUrl (allowed for batch)")
    v1 = with_(T(), meta={"versionId": "1"}, status="requested")
    v1.pop("executionPeriod")
    v1.pop("owner")
    v2 = with_(T(), meta={"versionId": "2"})
    P("base", "clean-bundle-history", bundle("history", [
        ("http://example.org/fhir/Task/probe", v2, {"request": {"method": "PUT", "url": "Task/probe"},
                                                    "response": {"status": "200"}}),
        ("http://example.org/fhir/Task/probe", v1, {"request": {"method": "POST", "url": "Task"},
                                                    "response": {"status": "201"}})]),
        "a history Bundle with two versions of the Task (same fullUrl twice)")
    P("base", "clean-r5-bundle-collection", bundle("collection", [
        ("http://example.org/fhir/Task/probe", T("R5"), None)]), "an R5 collection Bundle", release="R5")
    lines = [json.dumps(with_(T(), id="n1")), json.dumps(with_(T(), id="n2", status="done")),
             json.dumps(with_(T(), id="n3"))]
    P("base", "three-tasks", "\n".join(lines) + "\n", "NDJSON: three Tasks, the second with a bad status (its line "
      "is its location)", fmt="ndjson")
