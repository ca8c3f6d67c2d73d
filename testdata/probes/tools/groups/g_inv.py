"""Probes: invariants of the base definitions (which are evaluated where, at which severity)."""
from probelib import insert

UCUM = "http://unitsofmeasure.org"


def add(P, T, X):
    def p(name, doc, what, fmt="json", release="R4"):
        P("invariant", name, doc, what, fmt=fmt, release=release)

    def val(suffix, v, release="R4"):
        return T(release, input=[{"type": {"text": "x"}, "value" + suffix: v}])

    # Task's own invariant (inv-1 in R4/R4B, tsk-1 in R5) and Period's per-1: replaced by date-1 and date-2
    p("inv-1-modified-before-authored", T(lastModified="2024-01-09T09:00:00Z"),
      "lastModified before authoredOn: inv-1 fails (TaskCheck drops it; date-1 reports)")
    p("inv-1-mixed-precision", T(authoredOn="2024-01-10", lastModified="2024-01-10T09:00:00Z"),
      "authoredOn a date, lastModified later that day: inv-1 fails in HL7's FHIRPath (precision); dropped")
    p("tsk-1-r5-modified-before-authored", T("R5", lastModified="2024-01-09T09:00:00Z"),
      "R5: lastModified before authoredOn (the R5 key)", release="R5")
    p("inv-1-r4b-modified-before-authored", T("R4B", lastModified="2024-01-09T09:00:00Z"),
      "R4B: lastModified before authoredOn", release="R4B")
    p("tsk-1-r5-restriction-without-fulfill", T("R5", code={"text": "do it"}, restriction={"repetitions": 1}),
      "R5: a restriction on a Task whose code is not fulfill (tsk-1)", release="R5")
    p("inv-1-contained-task", insert(T(for_={"reference": "#t2"}), "contained", [
        {"resourceType": "Task", "id": "t2", "status": "requested", "intent": "order",
         "authoredOn": "2024-01-10T08:00:00Z", "lastModified": "2024-01-09T08:00:00Z"}], after="text"),
      "a contained Task whose lastModified is before its authoredOn: inv-1 outside the Task itself is kept")
    p("per-1-execution-period", T(executionPeriod={"start": "2024-01-10T08:30:00Z", "end": "2024-01-10T08:00:00Z"}),
      "executionPeriod end before start: per-1 (dropped inside the Task, date-2 reports)")
    p("per-1-restriction-period", T(restriction={"period": {"start": "2024-01-10T08:30:00Z",
                                                            "end": "2024-01-10T08:00:00Z"}}),
      "restriction.period end before start")
    p("per-1-input-value", val("Period", {"start": "2024-01-10T08:30:00Z", "end": "2024-01-10T08:00:00Z"}),
      "an input Period whose end is before its start")
    p("per-1-contained", insert(T(for_={"reference": "#e1"}), "contained", [
        {"resourceType": "Encounter", "id": "e1", "status": "finished", "class": {
            "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
         "period": {"start": "2024-01-10T08:30:00Z", "end": "2024-01-10T08:00:00Z"}}], after="text"),
      "per-1 in a contained Encounter: kept (not replaced)")
    # datatypes
    p("rat-1-numerator-only", T(output=[{"type": {"text": "progress"}, "valueRatio": {"numerator": {"value": 1}}}]),
      "a Ratio with a numerator only")
    p("qty-3-code-without-system", val("Quantity", {"value": 5, "code": "mg"}), "a Quantity code without system")
    p("qty-3-system-dropped", val("Quantity", {"value": 5, "system": UCUM, "_system": None, "code": "mg"}),
      "a Quantity whose system has a null _system partner, which drops it (qty-3)")
    p("rng-2-low-above-high", val("Range", {"low": {"value": 5, "unit": "mg", "system": UCUM, "code": "mg"},
                                            "high": {"value": 1, "unit": "mg", "system": UCUM, "code": "mg"}}),
      "a Range whose low is above its high")
    p("sqty-1-range-low-comparator", val("Range", {"low": {"value": 1, "comparator": "<", "unit": "mg", "system": UCUM,
                                                           "code": "mg"}}),
      "a Range whose low (a SimpleQuantity) has a comparator (sqty-1)")
    p("att-1-data-without-content-type", val("Attachment", {"data": "aGVsbG8="}),
      "an Attachment with data and no contentType")
    p("att-size-wrong", val("Attachment", {"contentType": "text/plain", "data": "aGVsbG8=", "size": 99}),
      "an Attachment whose size does not match its data")
    p("att-hash-wrong", val("Attachment", {"contentType": "text/plain", "data": "aGVsbG8=", "hash": "AAAA"}),
      "an Attachment whose hash does not match its data")
    p("att-hash-not-base64", val("Attachment", {"contentType": "text/plain", "data": "aGVsbG8=", "hash": "!!"}),
      "an Attachment hash that is not base64")
    p("att-empty-of-content", val("Attachment", {"title": "a title"}), "an Attachment with no data, url or type")
    p("att-url-with-size", val("Attachment", {"contentType": "text/plain", "url": "http://example.org/a.txt",
                                              "size": 5}), "an Attachment url with a size (cannot be fetched)")
    p("age-1-not-ucum", val("Age", {"value": 5, "unit": "y", "system": "http://example.org/units", "code": "a"}),
      "an Age in another unit system")
    p("drt-1-not-ucum", val("Duration", {"value": 5, "unit": "d", "system": "http://example.org/units", "code": "d"}),
      "a Duration in another unit system")
    p("cnt-3-count-not-integer", val("Count", {"value": 1.5, "system": UCUM, "code": "1"}),
      "a Count with a fraction")
    p("dis-1-distance-not-ucum", val("Distance", {"value": 5, "system": "http://example.org/units", "code": "m"}),
      "a Distance in another unit system")
    p("mny-currency-bad", val("Money", {"value": 5, "currency": "EURO"}), "a Money with currency 'EURO'")
    p("tim-1-duration-without-unit", val("Timing", {"repeat": {"duration": 5}}),
      "a Timing with a duration and no durationUnit")
    p("tim-frequency-max-without-frequency", val("Timing", {"repeat": {"frequencyMax": 5, "period": 1,
                                                                       "periodUnit": "d"}}),
      "a Timing with frequencyMax and no frequency")
    p("sqty-code-with-comparator", val("Quantity", {"value": 5, "comparator": "<", "unit": "mg", "system": UCUM,
                                                    "code": "mg"}), "a Quantity with a comparator: valid")
    p("cpt-2-contact-value-without-system", insert(T(for_={"reference": "#p1"}), "contained", [
        {"resourceType": "Patient", "id": "p1", "telecom": [{"value": "555-1234"}]}], after="text"),
      "a contained Patient ContactPoint with a value and no system (cpt-2)")
    p("hn-empty-name-part", insert(T(for_={"reference": "#p1"}), "contained", [
        {"resourceType": "Patient", "id": "p1", "name": [{"use": "official"}]}], after="text"),
      "a contained Patient HumanName with only a use")
    # DomainResource invariants on contained resources
    p("dom-2-contained-contains", insert(T(for_={"reference": "#p1"}), "contained", [
        {"resourceType": "Patient", "id": "p1", "contained": [{"resourceType": "Organization", "id": "o1"}],
         "managingOrganization": {"reference": "#o1"}}], after="text"),
      "a contained resource that itself contains a resource (dom-2)")
    p("dom-4-contained-meta", insert(T(for_={"reference": "#p1"}), "contained", [
        {"resourceType": "Patient", "id": "p1", "meta": {"versionId": "1", "lastUpdated": "2024-01-10T08:00:00Z"}}],
        after="text"), "a contained resource with meta.versionId and lastUpdated (dom-4)")
    p("dom-5-contained-security", insert(T(for_={"reference": "#p1"}), "contained", [
        {"resourceType": "Patient", "id": "p1", "meta": {"security": [
            {"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R"}]}}], after="text"),
      "a contained resource with a security label (dom-5)")
    p("dom-contained-narrative", insert(T(for_={"reference": "#p1"}), "contained", [
        {"resourceType": "Patient", "id": "p1", "text": {"status": "generated", "div":
            '<div xmlns="http://www.w3.org/1999/xhtml">p</div>'}}], after="text"),
      "a contained resource with its own narrative")
    p("ext-1-both", insert(T(), "extension", [{"url": "http://example.org/fhir/ext/a", "valueString": "x",
                                               "extension": [{"url": "b", "valueString": "y"}]}], after="text"),
      "an extension with a value and nested extensions")
    p("ele-1-primitive-id-only", insert(T(), "_priority", {"id": "p"}, after="priority") | {},
      "priority with a value and an id: valid")
    p("txt-1-bad-xhtml", T(text={"status": "generated", "div": '<div xmlns="http://www.w3.org/1999/xhtml">'
                                                             '<object data="x"/></div>'}),
      "a narrative with an object element (txt-1)")
    p("reference-and-identifier", T(requester={"reference": "Practitioner/pr-1", "identifier": {
        "system": "http://example.org/fhir/staff", "value": "123"}}), "a reference with both reference and identifier")
    p("signature-in-input", val("Signature", {"type": [{"system": "urn:iso-astm:E1762-95:2013",
                                                        "code": "1.2.840.10065.1.12.1.1"}],
                                              "when": "2024-01-10T08:00:00Z", "who": {"reference": "Practitioner/pr-1"}}),
      "an input Signature (R4)")
    p("identifier-system-relative", insert(T(), "identifier", [{"system": "ids", "value": "1"}], after="text"),
      "an Identifier whose system is relative")
    p("identifier-ietf-not-uri", insert(T(), "identifier", [{"system": "urn:ietf:rfc:3986", "value": "123"}],
                                        after="text"), "Identifier system urn:ietf:rfc:3986 with a value that is no URI")
    p("identifier-rfc4122-urn", insert(T(), "identifier", [{"system": "https://tools.ietf.org/html/rfc4122",
                                                            "value": "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"}],
                                       after="text"), "Identifier system rfc4122 with a urn:uuid value")
    p("identifier-ldap", insert(T(), "identifier", [{"system": "ldap:o=example", "value": "1"}], after="text"),
      "Identifier system ldap: (allowed)")
