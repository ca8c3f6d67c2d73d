"""Probes: bindings by strength (required, extensible, preferred, example) on code, Coding and CodeableConcept."""
from probelib import insert

TPC = "https://taskcheck.dev/fhir/StructureDefinition/taskcheck-task"


def add(P, T, X):
    def p(name, doc, what, fmt="json", release="R4"):
        P("binding", name, doc, what, fmt=fmt, release=release)

    # required, on code
    p("required-code-status", T(status="done"), "status 'done': not in the required task-status value set")
    p("required-code-status", X(T(status="done")), "the same in XML", fmt="xml")
    p("required-code-status-r5", T("R5", status="done"), "status 'done' in R5", release="R5")
    p("required-code-status-r4b", T("R4B", status="done"), "status 'done' in R4B", release="R4B")
    p("required-code-status-case", T(status="In-Progress"), "status in the wrong case")
    p("required-code-intent", T(intent="command"), "intent 'command'")
    p("required-code-priority", T(priority="high"), "priority 'high'")
    p("required-code-narrative-status", T(text={"status": "automatic", "div": T()["text"]["div"]}),
      "text.status 'automatic' (Narrative.status is required)")
    p("required-code-identifier-use", insert(T(), "identifier", [{"use": "primary", "system": "urn:ietf:rfc:3986",
                                                                  "value": "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"}],
                                             after="text"), "identifier.use 'primary'")
    p("required-code-quantity-comparator", T(input=[{"type": {"text": "x"}, "valueQuantity": {
        "value": 5, "comparator": "=", "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]),
      "Quantity.comparator '='")
    p("required-code-two-errors", T(status="done", intent="command"), "two required codes wrong at once")
    p("required-code-attachment-mime", T(input=[{"type": {"text": "x"}, "valueAttachment": {
        "contentType": "text/banana", "data": "aGVsbG8="}}]),
      "Attachment.contentType not a MIME type (the mimetypes value set: HAPI drops the not-found message)")
    p("required-code-attachment-mime-ok", T(input=[{"type": {"text": "x"}, "valueAttachment": {
        "contentType": "text/plain", "data": "aGVsbG8="}}]), "Attachment.contentType text/plain: valid")
    p("required-code-contained-gender", insert(T(for_={"reference": "#p1"}), "contained", [
        {"resourceType": "Patient", "id": "p1", "gender": "woman"}], after="text"),
      "a contained Patient with gender 'woman' (required administrative-gender)")
    # language (preferred, with a required maximum value set in R4)
    p("language-ok", insert(T(), "language", "en-US", after="id"), "Task.language en-US (no lang on the div)")
    p("language-bad", insert(T(), "language", "klingon", after="id"), "Task.language 'klingon'")
    p("language-bad-r5", insert(T("R5"), "language", "klingon", after="id"), "Task.language 'klingon' in R5",
      release="R5")
    # extensible
    p("extensible-identifier-type-unknown-code", insert(T(), "identifier", [{
        "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "ZZZ"}]},
        "system": "urn:ietf:rfc:3986", "value": "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"}], after="text"),
      "identifier.type with a code v2-0203 does not have (extensible identifier-type)")
    p("extensible-identifier-type-other-system", insert(T(), "identifier", [{
        "type": {"coding": [{"system": "http://example.org/fhir/id-types", "code": "local"}]},
        "system": "urn:ietf:rfc:3986", "value": "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"}], after="text"),
      "identifier.type coded in an unknown system (extensible)")
    p("extensible-identifier-type-text-only", insert(T(), "identifier", [{
        "type": {"text": "local id"}, "system": "urn:ietf:rfc:3986",
        "value": "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"}], after="text"),
      "identifier.type with text only (extensible: a code should be given)")
    p("extensible-identifier-type-ok", insert(T(), "identifier", [{
        "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PLAC"}]},
        "system": "urn:ietf:rfc:3986", "value": "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"}], after="text"),
      "identifier.type v2-0203 PLAC: in the value set")
    p("extensible-identifier-type-ok-r5", insert(T("R5"), "identifier", [{
        "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PLAC"}]},
        "system": "urn:ietf:rfc:3986", "value": "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"}], after="text"),
      "identifier.type v2-0203 PLAC in R5", release="R5")
    p("extensible-identifier-type-wrong-display", insert(T(), "identifier", [{
        "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PLAC",
                             "display": "Banana"}]},
        "system": "urn:ietf:rfc:3986", "value": "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"}], after="text"),
      "identifier.type PLAC with a wrong display")
    p("extensible-identifier-type-two-codings", insert(T(), "identifier", [{
        "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PLAC"},
                            {"system": "http://example.org/fhir/id-types", "code": "local"}]},
        "system": "urn:ietf:rfc:3986", "value": "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"}], after="text"),
      "identifier.type with one coding in the value set and one in an unknown system")
    p("extensible-security-label-unknown", insert(T(), "meta", {"security": [
        {"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "Q"}]}, after="id"),
      "meta.security (Coding, extensible security-labels) with a code v3-Confidentiality lacks")
    p("extensible-security-label-ok", insert(T(), "meta", {"security": [
        {"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R"}]}, after="id"),
      "meta.security v3-Confidentiality R: valid")
    p("extensible-security-label-other-system", insert(T(), "meta", {"security": [
        {"system": "http://example.org/fhir/labels", "code": "secret"}]}, after="id"),
      "meta.security in an unknown system")
    # preferred
    p("preferred-performer-type-snomed", insert(T(), "performerType", [{"coding": [
        {"system": "http://snomed.info/sct", "code": "158965000", "display": "Medical practitioner"}]}],
        after="requester"), "performerType (preferred performer-role) with a SNOMED code")
    p("preferred-performer-type-other", insert(T(), "performerType", [{"coding": [
        {"system": "http://example.org/fhir/roles", "code": "nurse"}]}], after="requester"),
      "performerType coded in an unknown system")
    p("preferred-performer-type-text", insert(T(), "performerType", [{"text": "a nurse"}], after="requester"),
      "performerType text only (preferred: nothing)")
    p("preferred-with-own-profile", insert(insert(T(), "meta", {"profile": [TPC]}, after="id"),
                                           "performerType", [{"coding": [{"system": "http://example.org/fhir/roles",
                                                                          "code": "nurse"}]}], after="requester"),
      "the same performerType with meta.profile = TaskCheck's Task profile (a known profile: not base-only)")
    # example
    p("example-task-code-unknown-code", T(code={"coding": [
        {"system": "http://hl7.org/fhir/CodeSystem/task-code", "code": "frobnicate"}]}),
      "Task.code (example binding) with a code the HL7 task-code system does not have")
    p("example-task-code-wrong-display", T(code={"coding": [
        {"system": "http://hl7.org/fhir/CodeSystem/task-code", "code": "fulfill", "display": "Banana"}]}),
      "Task.code fulfill with a wrong display")
    p("example-task-code-right-display", T(code={"coding": [
        {"system": "http://hl7.org/fhir/CodeSystem/task-code", "code": "fulfill",
         "display": "Fulfill the focal request"}]}), "Task.code fulfill with its display")
    p("example-unknown-system", T(code={"coding": [{"system": "http://example.org/fhir/task-codes", "code": "x"}]}),
      "Task.code in an unknown (non-HL7) system")
    p("example-business-status-unknown-system", insert(T(), "businessStatus", {"coding": [
        {"system": "http://example.org/fhir/business-status", "code": "waiting"}]}, after="status"),
      "businessStatus in an unknown system")
    p("example-status-reason-text", insert(T(), "statusReason", {"text": "waiting"}, after="status"),
      "statusReason text only")
    p("example-task-code-r5-unknown-code", T("R5", code={"coding": [
        {"system": "http://hl7.org/fhir/CodeSystem/task-code", "code": "frobnicate"}]}),
      "Task.code unknown code in R5", release="R5")
