"""Probes: contained resources of many types inside a Task (each referenced, with one defect inside)."""
from probelib import insert


def add(P, T, X):
    def c(name, res, what, ref_elem="focus", release="R4", fmt="json"):
        t = T(release)
        t[ref_elem] = {"reference": "#" + res["id"]}
        t = insert(t, "contained", [res], after="text")
        P("contained", name, X(t, release) if fmt == "xml" else t, what, fmt=fmt, release=release)

    c("patient-ok", {"resourceType": "Patient", "id": "c1", "name": [{"family": "Doe"}]}, "a valid contained Patient")
    c("patient-bad-birthdate", {"resourceType": "Patient", "id": "c1", "birthDate": "2024-13-01"},
      "a contained Patient with an invalid birthDate")
    c("patient-bad-birthdate", {"resourceType": "Patient", "id": "c1", "birthDate": "2024-13-01"},
      "the same in XML", fmt="xml")
    c("patient-unknown-element", {"resourceType": "Patient", "id": "c1", "colour": "red"},
      "a contained Patient with an unknown element")
    c("practitioner-ok", {"resourceType": "Practitioner", "id": "c1", "name": [{"text": "Dr A"}]},
      "a valid contained Practitioner", ref_elem="requester")
    c("organization-ok", {"resourceType": "Organization", "id": "c1", "name": "Lab"}, "a valid contained Organization",
      ref_elem="owner")
    c("organization-org-1", {"resourceType": "Organization", "id": "c1"},
      "a contained Organization with neither name nor identifier (org-1)", ref_elem="owner")
    c("observation-minimal", {"resourceType": "Observation", "id": "c1", "status": "final", "code": {"text": "x"}},
      "a contained Observation with status and code only (best-practice warnings)")
    c("observation-vital-sign", {"resourceType": "Observation", "id": "c1", "status": "final",
                                 "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/"
                                                                     "observation-category",
                                                           "code": "vital-signs"}]}],
                                 "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
                                 "subject": {"reference": "Patient/pat-1"},
                                 "effectiveDateTime": "2024-01-10T08:00:00Z", "valueQuantity": {
                                     "value": 80, "unit": "beats/minute", "system": "http://unitsofmeasure.org",
                                     "code": "/min"}},
      "a contained heart-rate Observation (the vital signs profile is implied in R4)")
    c("questionnaire-ok", {"resourceType": "Questionnaire", "id": "c1", "status": "active", "item": [
        {"linkId": "1", "text": "Q", "type": "string"}]}, "a contained Questionnaire")
    c("questionnaire-bad-item", {"resourceType": "Questionnaire", "id": "c1", "status": "active", "item": [
        {"linkId": "1", "text": "Q", "type": "group"}]}, "a contained Questionnaire whose group has no items")
    c("questionnaire-response", {"resourceType": "QuestionnaireResponse", "id": "c1", "status": "completed",
                                 "item": [{"linkId": "1", "answer": [{"valueString": "x"}]}]},
      "a contained QuestionnaireResponse without questionnaire")
    c("valueset", {"resourceType": "ValueSet", "id": "c1", "status": "active", "compose": {"include": [
        {"system": "http://example.org/fhir/cs"}]}}, "a contained ValueSet including an unknown system")
    c("codesystem", {"resourceType": "CodeSystem", "id": "c1", "status": "active", "content": "complete",
                     "concept": [{"code": "a"}, {"code": "a"}]}, "a contained CodeSystem with a duplicate code")
    c("provenance", {"resourceType": "Provenance", "id": "c1", "target": [{"reference": "Task/probe"}],
                     "recorded": "2024-01-10T08:00:00Z", "agent": [{"who": {"reference": "Practitioner/pr-1"}}]},
      "a valid contained Provenance", ref_elem="focus")
    c("binary", {"resourceType": "Binary", "id": "c1", "contentType": "text/plain", "data": "aGVsbG8="},
      "a contained Binary")
    c("bundle", {"resourceType": "Bundle", "id": "c1", "type": "collection"}, "a contained Bundle")
    c("medication", {"resourceType": "Medication", "id": "c1", "status": "active"}, "a contained Medication in focus")
    c("device-bad-status", {"resourceType": "Device", "id": "c1", "status": "broken"},
      "a contained Device with an invalid status", ref_elem="requester")
    c("servicerequest", {"resourceType": "ServiceRequest", "id": "c1", "status": "active", "intent": "order",
                         "subject": {"reference": "Patient/pat-1"}}, "a valid contained ServiceRequest")
    c("servicerequest-missing-subject", {"resourceType": "ServiceRequest", "id": "c1", "status": "active",
                                         "intent": "order"}, "a contained ServiceRequest without its subject")
    c("parameters", {"resourceType": "Parameters", "id": "c1", "parameter": [{"name": "a", "valueString": "x"}]},
      "a contained Parameters")
    c("r5-patient-bad", {"resourceType": "Patient", "id": "c1", "gender": "woman"},
      "R5: a contained Patient with an invalid gender", release="R5")
    c("r4b-citation", {"resourceType": "Citation", "id": "c1", "status": "active"},
      "R4B: a contained Citation (a resource type new in R4B: dom-r4b)", release="R4B")
    c("task-in-task", {"resourceType": "Task", "id": "c1", "status": "requested", "intent": "order"},
      "a contained Task (valid)")
    c("task-in-task-bad-status", {"resourceType": "Task", "id": "c1", "status": "done", "intent": "order"},
      "a contained Task with an invalid status")
    c("patient-unknown-extension", {"resourceType": "Patient", "id": "c1", "extension": [
        {"url": "http://example.org/fhir/ext/a", "valueString": "x"}]}, "a contained Patient with an unknown extension")
    c("patient-reference-bad-target", {"resourceType": "Patient", "id": "c1", "managingOrganization": {
        "reference": "Practitioner/pr-1"}}, "a contained Patient whose managingOrganization -> Practitioner")
