"""Probes: empty values and ele-1 (every element has a value or children)."""
from probelib import insert

DAR = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"


def add(P, T, X):
    def p(name, doc, what, fmt="json", release="R4"):
        P("empty", name, doc, what, fmt=fmt, release=release)

    p("coding-empty", T(code={"coding": [{}]}), "code.coding: [{}]")
    p("period-empty", T(executionPeriod={}), "executionPeriod: {}")
    p("reference-empty", T(requester={}), "requester: {}")
    p("reference-display-only", T(requester={"display": "Dr A"}), "requester with a display only: valid")
    p("reference-nothing-but-extension", T(requester={"extension": [{"url": DAR, "valueCode": "unknown"}]}),
      "requester with only a data-absent-reason extension (no reference, identifier or display)")
    p("status-absent-with-dar", {k: v for k, v in insert(T(), "_status", {"extension": [
        {"url": DAR, "valueCode": "unknown"}]}, after="status").items() if k != "status"},
      "status absent, _status carries a data-absent-reason: a required binding with no code")
    p("intent-absent-with-dar", {k: v for k, v in insert(T(), "_intent", {"extension": [
        {"url": DAR, "valueCode": "unknown"}]}, after="intent").items() if k != "intent"},
      "intent absent with a data-absent-reason")
    p("description-shadow-extension", insert(T(), "_description", {"extension": [
        {"url": DAR, "valueCode": "unknown"}]}, after="code"),
      "description with no value, only an extension: valid")
    p("extension-empty", insert(T(), "extension", [{"url": "http://example.org/fhir/ext/a"}], after="text"),
      "an extension with a url and neither value nor extensions (ext-1)")
    p("extension-value-and-extensions", insert(T(), "extension", [{
        "url": "http://example.org/fhir/ext/a", "valueString": "x",
        "extension": [{"url": "b", "valueString": "y"}]}], after="text"),
      "an extension with both a value and nested extensions (ext-1)")
    p("narrative-empty-div", T(text={"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"/>"}),
      "a narrative div without content")
    p("narrative-whitespace-div", T(text={"status": "generated",
                                          "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">   </div>"}),
      "a narrative div with only whitespace")
    p("identifier-empty-value", insert(T(), "identifier", [{"system": "urn:ietf:rfc:3986", "value": ""}],
                                       after="text"), "identifier.value \"\"")
    p("meta-empty", insert(T(), "meta", {}, after="id"), "meta: {}")
    p("input-type-empty", T(input=[{"type": {}, "valueString": "x"}]), "input.type: {}")
    p("quantity-empty", T(input=[{"type": {"text": "x"}, "valueQuantity": {}}]), "input.valueQuantity: {}")
    p("string-empty-xml", X(T(description="")), "description value=\"\" in XML", fmt="xml")
