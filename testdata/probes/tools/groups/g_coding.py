"""Probes: what the offline terminology knows (code systems), Coding checks without a binding, Quantity units."""
from probelib import insert


def add(P, T, X):
    def p(name, doc, what, release="R4"):
        P("coding", name, doc, what, release=release)

    def bs(system, code, display=None, release="R4"):
        c = {"system": system, "code": code}
        if display:
            c["display"] = display
        return insert(T(release), "businessStatus", {"coding": [c]}, after="status")

    def inp_coding(c, release="R4"):
        return T(release, input=[{"type": {"text": "x"}, "valueCoding": c}])

    def qty(q, release="R4"):
        return T(release, input=[{"type": {"text": "x"}, "valueQuantity": q}])

    # CodeableConcept with an example binding (businessStatus): the code is checked against its code system
    p("system-unknown-http", bs("http://example.org/fhir/cs", "a"), "a code system nobody knows")
    p("system-unknown-urn", bs("urn:oid:1.2.3.4.5.6", "a"), "an OID code system nobody knows")
    p("system-unknown-hl7-fhir", bs("http://hl7.org/fhir/CodeSystem/no-such-thing", "a"),
      "an hl7.org/fhir code system that does not exist")
    p("system-unknown-tho", bs("http://terminology.hl7.org/CodeSystem/no-such-thing", "a"),
      "a terminology.hl7.org code system that does not exist")
    p("system-relative", bs("local-codes", "a"), "a relative code system url")
    p("system-missing", insert(T(), "businessStatus", {"coding": [{"code": "a"}]}, after="status"),
      "a coding with a code and no system")
    p("system-without-code", insert(T(), "businessStatus", {"coding": [{"system": "http://example.org/fhir/cs"}]},
                                    after="status"), "a coding with a system and no code")
    p("system-is-valueset", bs("http://hl7.org/fhir/ValueSet/task-status", "draft"),
      "a coding whose system is a value set url")
    p("system-html-page", bs("http://hl7.org/fhir/codesystem-task-status.html", "draft"),
      "a coding whose system is a spec web page")
    p("system-https-hl7", bs("https://hl7.org/fhir/task-status", "draft"), "https for an HL7 code system")
    p("system-build-fhir", bs("http://build.fhir.org/CodeSystem/x", "a"), "a build.fhir.org code system")
    p("known-hl7-code-ok", bs("http://hl7.org/fhir/task-status", "draft"), "task-status#draft: known and valid")
    p("known-hl7-code-bad", bs("http://hl7.org/fhir/task-status", "done"), "task-status#done: unknown code")
    p("known-hl7-display-bad", bs("http://hl7.org/fhir/task-status", "draft", "Banana"),
      "task-status#draft with a wrong display")
    p("known-tho-code-ok", bs("http://terminology.hl7.org/CodeSystem/v2-0203", "MR"), "v2-0203#MR: valid")
    p("known-tho-code-bad", bs("http://terminology.hl7.org/CodeSystem/v2-0203", "ZZZ"), "v2-0203#ZZZ")
    p("known-tho-code-bad-r5", bs("http://terminology.hl7.org/CodeSystem/v2-0203", "ZZZ", release="R5"),
      "v2-0203#ZZZ in R5", release="R5")
    p("known-v3-code-bad", bs("http://terminology.hl7.org/CodeSystem/v3-ActCode", "NOPE"), "v3-ActCode#NOPE")
    p("snomed", bs("http://snomed.info/sct", "73211009"), "a SNOMED CT code (no SNOMED offline)")
    p("snomed-bad-url", bs("http://snomed.info/sct/900000000000207008", "73211009"),
      "a SNOMED CT edition url as the system")
    p("loinc", bs("http://loinc.org", "8867-4"), "a LOINC code")
    p("loinc-bad-url", bs("http://loinc.org/", "8867-4"), "loinc.org with a trailing slash")
    p("ucum-in-coding", bs("http://unitsofmeasure.org", "mg"), "a UCUM code in a CodeableConcept")
    p("ucum-in-coding-bad", bs("http://unitsofmeasure.org", "mgg"), "an invalid UCUM code in a CodeableConcept")
    p("bcp47-ok", bs("urn:ietf:bcp:47", "en-US"), "a language code (BCP 47)")
    p("bcp47-bad", bs("urn:ietf:bcp:47", "xx-QQQ"), "an invalid language code")
    p("mime-ok", bs("urn:ietf:bcp:13", "text/plain"), "a MIME type code")
    p("iso3166-ok", bs("urn:iso:std:iso:3166", "DE"), "an ISO 3166 country code")
    p("iso3166-bad", bs("urn:iso:std:iso:3166", "XQ"), "an ISO 3166 code that does not exist")
    p("iso4217-ok", bs("urn:iso:std:iso:4217", "EUR"), "an ISO 4217 currency")
    p("rxnorm", bs("http://www.nlm.nih.gov/research/umls/rxnorm", "1049502"), "an RxNorm code")
    p("coding-version", insert(T(), "businessStatus", {"coding": [{"system": "http://example.org/fhir/cs",
                                                                   "version": "1.0", "code": "a"}]}, after="status"),
      "a coding with a version in an unknown system")
    p("two-unknown-codings", insert(T(), "businessStatus", {"coding": [
        {"system": "http://example.org/fhir/cs", "code": "a"}, {"system": "http://example.org/fhir/cs2", "code": "b"}]},
        after="status"), "two codings in two unknown systems")
    # Coding without binding (input.valueCoding)
    p("value-coding-unknown-system", inp_coding({"system": "http://example.org/fhir/cs", "code": "a"}),
      "input.valueCoding (no binding) in an unknown system")
    p("value-coding-known-bad", inp_coding({"system": "http://hl7.org/fhir/task-status", "code": "done"}),
      "input.valueCoding with an unknown code of a known HL7 system")
    p("value-coding-no-system", inp_coding({"code": "a"}), "input.valueCoding without a system")
    p("value-codeable-concept-unknown", T(input=[{"type": {"text": "x"}, "valueCodeableConcept": {"coding": [
        {"system": "http://example.org/fhir/cs", "code": "a"}]}}]),
      "input.valueCodeableConcept (no binding) in an unknown system")
    p("input-type-unknown-system", T(input=[{"type": {"coding": [{"system": "http://example.org/fhir/cs",
                                                                   "code": "a"}]}, "valueString": "x"}]),
      "input.type (example binding) in an unknown system")
    p("meta-tag-no-system", insert(T(), "meta", {"tag": [{"code": "a"}]}, after="id"),
      "meta.tag (Coding, example binding) without a system")
    p("meta-tag-unknown-system", insert(T(), "meta", {"tag": [{"system": "http://example.org/fhir/tags",
                                                               "code": "a"}]}, after="id"),
      "meta.tag in an unknown system")
    p("meta-tag-relative-system", insert(T(), "meta", {"tag": [{"system": "tags", "code": "a"}]}, after="id"),
      "meta.tag (a Coding) with a relative system")
    p("meta-security-no-system", insert(T(), "meta", {"security": [{"code": "R"}]}, after="id"),
      "meta.security without a system")
    # Quantity
    p("quantity-ucum-ok", qty({"value": 5, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}),
      "a UCUM Quantity: valid")
    p("quantity-ucum-bad", qty({"value": 5, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mgg"}),
      "a Quantity with an invalid UCUM code")
    p("quantity-ucum-annotation", qty({"value": 5, "unit": "sessions", "system": "http://unitsofmeasure.org",
                                       "code": "{session}"}), "a UCUM annotation code with a unit containing it")
    p("quantity-ucum-annotation-no-unit", qty({"value": 5, "system": "http://unitsofmeasure.org",
                                               "code": "{session}"}), "a UCUM annotation without a unit")
    p("quantity-ucum-annotation-other-unit", qty({"value": 5, "unit": "x", "system": "http://unitsofmeasure.org",
                                                  "code": "{session}"}), "a UCUM annotation the unit does not contain")
    p("quantity-code-no-system", qty({"value": 5, "unit": "mg", "code": "mg"}), "a Quantity code without a system")
    p("quantity-other-system", qty({"value": 5, "unit": "tab", "system": "http://example.org/fhir/units",
                                    "code": "tab"}), "a Quantity in an unknown unit system")
    p("quantity-unit-only", qty({"value": 5, "unit": "tablets"}), "a Quantity with a unit only: valid")
    p("quantity-value-only", qty({"value": 5}), "a Quantity with a value only")
    p("duration-ucum-bad", T(input=[{"type": {"text": "x"}, "valueDuration": {
        "value": 5, "unit": "days", "system": "http://unitsofmeasure.org", "code": "dd"}}]),
      "a Duration with an invalid UCUM code")
    p("age-not-ucum", T(input=[{"type": {"text": "x"}, "valueAge": {
        "value": 5, "unit": "years", "system": "http://example.org/units", "code": "y"}}]),
      "an Age whose system is not UCUM (age-1)")
