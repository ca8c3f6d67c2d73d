"""Probes: the JSON shape the element-model parser expects (objects, arrays, primitives, nulls, _x)."""
import json

from probelib import insert, to_json


def raw_task(members):
    """A Task written from (name, raw JSON text) pairs, two-space indented, for shapes json.dumps cannot make."""
    lines = ["{"]
    for i, (k, v) in enumerate(members):
        comma = "," if i < len(members) - 1 else ""
        lines.append('  "' + k + '": ' + v + comma)
    lines.append("}")
    return "\n".join(lines) + "\n"


def base_members(t):
    return [(k, json.dumps(v, ensure_ascii=False)) for k, v in t.items()]


def add(P, T, X):
    P("shape", "string-for-object", T(code="fulfill"), "a JSON string where a CodeableConcept object belongs")
    P("shape", "object-for-array", insert(T(), "identifier", {"system": "urn:ietf:rfc:3986",
                                                              "value": "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"},
                                          after="text"),
      "an object where the repeating identifier needs an array")
    P("shape", "array-for-object", T(code=[{"coding": [{"system": "http://hl7.org/fhir/CodeSystem/task-code",
                                                        "code": "fulfill"}]}]),
      "an array where the single code object belongs")
    P("shape", "array-for-primitive", T(status=["in-progress"]), "an array where the single status string belongs")
    P("shape", "object-for-primitive", T(status={"value": "in-progress"}), "an object where the status string belongs")
    P("shape", "number-for-string", T(description=5), "a number where a string belongs (description)")
    P("shape", "boolean-for-string", T(description=True), "a boolean where a string belongs (description)")
    P("shape", "number-for-code", T(priority=1), "a number where a code belongs (priority)")
    P("shape", "string-for-boolean", T(input=[{"type": {"text": "flag"}, "valueBoolean": "true"}]),
      "a string where a boolean belongs (input.valueBoolean)")
    P("shape", "string-for-integer", T(restriction={"repetitions": "3"}),
      "a string where a positiveInt belongs (restriction.repetitions)")
    P("shape", "string-for-decimal", T(input=[{"type": {"text": "dose"}, "valueDecimal": "1.5"}]),
      "a string where a decimal belongs (input.valueDecimal)")
    P("shape", "null-primitive", T(description=None), "description: null")
    P("shape", "null-object", T(code=None), "code: null")
    P("shape", "null-in-object-array", insert(T(), "identifier", [None], after="text"), "identifier: [null]")
    P("shape", "null-in-object-array-second", insert(T(), "identifier", [
        {"system": "urn:ietf:rfc:3986", "value": "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"}, None],
        after="text"), "identifier: [{...}, null]")
    P("shape", "null-profile-with-extension", insert(T(), "meta", {
        "profile": [None], "_profile": [{"extension": [{
            "url": "http://hl7.org/fhir/StructureDefinition/data-absent-reason", "valueCode": "unknown"}]}]},
        after="id"), "meta.profile [null] with the value in _profile: TaskCheck's ProfileRewrite work-around")
    P("shape", "null-profile-without-partner", insert(T(), "meta", {"profile": [None]}, after="id"),
      "meta.profile [null] with no _profile partner")
    P("shape", "primitive-array-as-string", insert(T(), "meta", {
        "profile": "http://example.org/fhir/StructureDefinition/p"}, after="id"),
      "meta.profile as a single string instead of an array")
    P("shape", "shadow-as-string", insert(T(), "_status", "x", after="status"), "_status: \"x\" (must be an object)")
    P("shape", "shadow-as-array", insert(T(), "_status", [{"id": "s"}], after="status"), "_status as an array")
    P("shape", "shadow-array-as-object", insert(T(), "meta", {
        "profile": ["http://example.org/fhir/StructureDefinition/p"], "_profile": {"id": "x"}}, after="id"),
      "_profile as an object where an array belongs")
    P("shape", "shadow-only-with-id", insert(T(), "_description", {"id": "d1"}, after="code"),
      "_description with an id only and no description value")
    P("shape", "shadow-only-empty", insert(T(), "_description", {}, after="code"),
      "_description: {} (empty, no value)")
    P("shape", "empty-object", T(code={}), "code: {} (an empty object)")
    P("shape", "empty-array", insert(T(), "identifier", [], after="text"), "identifier: [] (an empty array)")
    P("shape", "empty-object-in-array", insert(T(), "identifier", [{}], after="text"), "identifier: [{}]")
    P("shape", "empty-string", T(description=""), "description: \"\"")
    P("shape", "choice-unknown-type", T(input=[{"type": {"text": "x"}, "valueFoo": "bar"}]),
      "input.valueFoo: a choice suffix that is no type")
    P("shape", "choice-two-types", T(input=[{"type": {"text": "x"}, "valueString": "a", "valueInteger": 1}]),
      "input with valueString and valueInteger")
    P("shape", "choice-two-types-reversed", T(input=[{"type": {"text": "x"}, "valueInteger": 1, "valueString": "a"}]),
      "input with valueInteger then valueString (JSON order decides which one is read)")
    P("shape", "choice-lowercase", T(input=[{"type": {"text": "x"}, "valuestring": "a"}]),
      "input.valuestring: the type suffix in lower case")
    P("shape", "choice-bare-value", T(input=[{"type": {"text": "x"}, "value": "a"}]), "input.value without a type")
    P("shape", "choice-object-for-primitive", T(input=[{"type": {"text": "x"}, "valueString": {"text": "a"}}]),
      "input.valueString holding an object")
    P("shape", "choice-primitive-for-object", T(input=[{"type": {"text": "x"}, "valueQuantity": 5}]),
      "input.valueQuantity holding a number")
    P("shape", "choice-shadow-only", T(input=[{"type": {"text": "x"}, "_valueString": {"extension": [{
        "url": "http://hl7.org/fhir/StructureDefinition/data-absent-reason", "valueCode": "unknown"}]}}]),
      "input._valueString only (a value absent with a data-absent-reason)")
    P("shape", "resource-type-in-datatype", T(code={"resourceType": "CodeableConcept", "text": "x"}),
      "a resourceType member inside a datatype")
    P("shape", "contained-without-resource-type", insert(T(), "contained", [{"id": "p1", "active": True}],
                                                         after="text"),
      "a contained object without resourceType")
    P("shape", "contained-unknown-type", insert(T(), "contained", [{"resourceType": "Patiant", "id": "p1"}],
                                                after="text"),
      "a contained object whose resourceType is no resource")
    P("shape", "contained-resource-type-number", insert(T(), "contained", [{"resourceType": 5, "id": "p1"}],
                                                        after="text"),
      "contained resourceType is a number")
    P("shape", "contained-not-array", insert(T(), "contained", {"resourceType": "Patient", "id": "p1"},
                                             after="text"), "contained as an object instead of an array")

    # raw texts: things json.dumps cannot write
    t = T()
    m = base_members(t)
    P("shape", "duplicate-key", raw_task(m[:3] + [("status", '"in-progress"'), ("status", '"completed"')] + m[4:]),
      "status appears twice in the same object")
    P("shape", "comment-line", raw_task(m[:3] + [("status", '"in-progress" // started')] + m[4:]),
      "a // comment in the JSON")
    P("shape", "trailing-comma", raw_task(m)[:-4] + "},\n}\n",
      "a trailing comma in an object")
    P("shape", "decimal-exponent", raw_task(m + [("input", '[{"type": {"text": "x"}, "valueDecimal": 1.5e3}]')]),
      "valueDecimal written with an exponent (1.5e3)")
    P("shape", "decimal-trailing-zeros", raw_task(m + [("input", '[{"type": {"text": "x"}, "valueDecimal": 1.50}]')]),
      "valueDecimal 1.50 (precision kept as written)")
    P("shape", "integer-as-decimal", raw_task(m + [("input", '[{"type": {"text": "x"}, "valueInteger": 1.0}]')]),
      "valueInteger written 1.0")
    P("shape", "integer-too-big", raw_task(m + [("input", '[{"type": {"text": "x"}, "valueInteger": 2147483648}]')]),
      "valueInteger 2147483648 (beyond 32 bits)")
    P("shape", "decimal-huge", raw_task(m + [("input", '[{"type": {"text": "x"}, "valueDecimal": 1e400}]')]),
      "valueDecimal 1e400 (beyond a double)")
    P("shape", "decimal-many-digits", raw_task(m + [("input", '[{"type": {"text": "x"}, '
                                                            '"valueDecimal": 0.12345678901234567890123}]')]),
      "valueDecimal with 23 fraction digits")
    P("shape", "unicode-escape", raw_task(m[:-1] + [("description", '"caf\\u00e9"'), m[-1]]),
      "a \\u escape in a string")
    P("shape", "bom", "\ufeff" + to_json(t), "the document starts with a UTF-8 byte order mark")
    P("shape", "root-array", "[" + to_json(t) + "]", "the document is a JSON array holding a Task")
    P("shape", "root-without-resource-type", to_json({k: v for k, v in t.items() if k != "resourceType"}),
      "a JSON object without resourceType (TaskCheck's own parser refuses it)")
    P("shape", "root-unknown-resource-type", to_json(dict(t, resourceType="Tusk")),
      "resourceType 'Tusk' (TaskCheck's own parser refuses it)")
    P("shape", "root-resource-type-number", to_json(dict(t, resourceType=5)), "resourceType 5")
    P("shape", "fhir-comments-r4", insert(T(), "fhir_comments", ["a comment"], after="id"),
      "fhir_comments (a DSTU2 feature) in an R4 Task")
