"""Probes: references (format, target types, contained resolution, ref-1, dom-3)."""
from probelib import insert


def add(P, T, X):
    def p(name, doc, what, fmt="json", release="R4"):
        P("reference", name, doc, what, fmt=fmt, release=release)

    pat = {"resourceType": "Patient", "id": "p1", "active": True}
    p("bad-target-type", T(requester={"reference": "Medication/med-1"}),
      "requester -> Medication (not an allowed target)")
    p("bad-target-type", X(T(requester={"reference": "Medication/med-1"})), "the same in XML", fmt="xml")
    p("bad-target-type-r5", T("R5", requester={"reference": "Medication/med-1"}), "the same in R5", release="R5")
    p("bad-target-type-absolute", T(requester={"reference": "http://example.org/fhir/Medication/med-1"}),
      "requester -> an absolute Medication url")
    p("bad-target-type-history", T(requester={"reference": "Medication/med-1/_history/2"}),
      "requester -> Medication/med-1/_history/2")
    p("any-target", T(focus={"reference": "Medication/med-1"}), "focus (Reference(Any)) -> Medication: valid")
    p("unknown-resource-type", T(requester={"reference": "Doctor/d1"}), "requester -> Doctor/d1 (no such type)")
    p("type-element-mismatch", T(requester={"reference": "Practitioner/pr-1", "type": "Organization"}),
      "Reference.type Organization but the url says Practitioner")
    p("type-element-not-allowed", T(requester={"reference": "Medication/med-1", "type": "Medication"}),
      "Reference.type Medication, not an allowed target")
    p("type-element-only", T(requester={"type": "Practitioner", "display": "Dr A"}),
      "Reference.type with a display and no reference")
    p("type-element-absolute-url", T(requester={"reference": "Practitioner/pr-1",
                                                "type": "http://hl7.org/fhir/StructureDefinition/Practitioner"}),
      "Reference.type as an absolute StructureDefinition url")
    p("suspicious-bare-id", T(requester={"reference": "pr-1"}), "a reference that is a bare id")
    p("suspicious-three-parts", T(requester={"reference": "Practitioner/pr-1/x"}),
      "a reference with three path parts")
    p("whitespace", T(requester={"reference": "Practitioner/pr 1"}), "a reference with a space")
    p("conditional", T(requester={"reference": "Practitioner?identifier=123"}), "a conditional reference")
    p("conditional-bad", T(requester={"reference": "Practitioner?"}), "a conditional reference with no query")
    p("urn-uuid-outside-bundle", T(requester={"reference": "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"}),
      "a urn:uuid reference in a Task outside any Bundle")
    p("identifier-only", T(requester={"identifier": {"system": "http://example.org/fhir/staff", "value": "123"}}),
      "a logical reference (identifier only)")
    p("nothing", T(requester={"extension": [{"url": "http://example.org/fhir/ext/a", "valueString": "x"}]}),
      "a reference with neither reference, identifier nor display (only an extension)")
    p("nothing-in-list", T(input=[{"type": {"text": "x"}, "valueReference": {"id": "r1"}}]),
      "input.valueReference with only an id")
    p("display-only-basedon", insert(T(), "basedOn", [{"display": "the order"}], after="text"),
      "basedOn with a display only: valid")
    # contained resolution
    p("contained-missing", T(for_={"reference": "#missing"}), "for -> #missing with no contained resource")
    p("contained-missing", X(T(for_={"reference": "#missing"})), "the same in XML", fmt="xml")
    p("contained-missing-r5", T("R5", for_={"reference": "#missing"}), "the same in R5", release="R5")
    p("contained-ok", insert(T(for_={"reference": "#p1"}), "contained", [pat], after="text"),
      "for -> #p1 contained: valid")
    p("contained-wrong-type", insert(T(requester={"reference": "#p2"}), "contained", [
        {"resourceType": "Medication", "id": "p2", "status": "active"}], after="text"),
      "requester -> a contained Medication")
    p("contained-unreferenced", insert(T(), "contained", [pat], after="text"), "a contained Patient nobody refers to")
    p("contained-unreferenced-two", insert(T(), "contained", [pat, {"resourceType": "Practitioner", "id": "pr2"}],
                                           after="text"), "two unreferenced contained resources")
    p("contained-referenced-from-contained", insert(T(for_={"reference": "#p1"}), "contained", [
        {"resourceType": "Patient", "id": "p1", "generalPractitioner": [{"reference": "#pr2"}]},
        {"resourceType": "Practitioner", "id": "pr2"}], after="text"),
      "a contained Practitioner referenced only from another contained resource that the Task references")
    p("contained-refers-to-container", insert(T(), "contained", [
        {"resourceType": "Provenance", "id": "prov1", "target": [{"reference": "#"}], "recorded": "2024-01-10T08:00:00Z",
         "agent": [{"who": {"display": "x"}}]}], after="text"),
      "a contained Provenance that refers to its container with '#'")
    p("contained-referenced-from-narrative", insert(T(text={"status": "generated", "div":
        '<div xmlns="http://www.w3.org/1999/xhtml"><a href="#p1">patient</a></div>'}), "contained", [pat],
        after="text"), "a contained Patient referenced only from a narrative link")
    p("contained-referenced-by-canonical", insert(T(instantiatesCanonical="#ad1"), "contained", [
        {"resourceType": "ActivityDefinition", "id": "ad1", "status": "active"}], after="text"),
      "a contained ActivityDefinition referenced by instantiatesCanonical #ad1")
    p("contained-without-id", insert(T(), "contained", [{"resourceType": "Patient", "active": True}],
                                     after="text"), "a contained resource without an id")
    p("contained-duplicate-id", insert(T(for_={"reference": "#p1"}), "contained", [pat, dict(pat)], after="text"),
      "two contained resources with the same id")
    p("hash-only", T(for_={"reference": "#"}), "for -> '#' in a Task that is not contained")
    p("absolute-fhir-url", T(requester={"reference": "http://example.org/fhir/Practitioner/pr-1"}),
      "an absolute RESTful url: valid")
    p("absolute-non-fhir-url", T(requester={"reference": "http://example.org/people/42"}),
      "an absolute url that names no resource type")
    p("canonical-as-reference", T(requester={"reference": "http://example.org/fhir/Practitioner/pr-1|2.0"}),
      "a reference with a |version")
    p("reference-with-fragment", T(requester={"reference": "Practitioner/pr-1#x"}), "Practitioner/pr-1#x")
    p("relative-lowercase-type", T(requester={"reference": "practitioner/pr-1"}), "practitioner/pr-1 (lower case)")
