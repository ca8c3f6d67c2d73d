"""Probes: extensions (unknown, known core ones, contexts, value types, modifier extensions)."""
from probelib import insert

SD = "http://hl7.org/fhir/StructureDefinition/"
DAR = SD + "data-absent-reason"


def add(P, T, X):
    def p(name, doc, what, fmt="json", release="R4"):
        P("extension", name, doc, what, fmt=fmt, release=release)

    def ext(e, release="R4"):
        return insert(T(release), "extension", [e], after="text")

    p("unknown-url", ext({"url": "http://example.org/fhir/ext/colour", "valueString": "red"}),
      "an extension nobody defines (any extension allowed: information)")
    p("unknown-url", X(ext({"url": "http://example.org/fhir/ext/colour", "valueString": "red"})),
      "the same in XML", fmt="xml")
    p("unknown-url-r5", ext({"url": "http://example.org/fhir/ext/colour", "valueString": "red"}, "R5"),
      "an unknown extension in R5", release="R5")
    p("unknown-url-hl7-space", ext({"url": SD + "no-such-extension", "valueString": "x"}),
      "an unknown extension in the hl7.org/fhir space")
    p("unknown-url-two", insert(T(), "extension", [{"url": "http://example.org/fhir/ext/a", "valueString": "x"},
                                                   {"url": "http://example.org/fhir/ext/b", "valueString": "y"}],
                                after="text"), "two unknown extensions")
    p("unknown-url-nested", ext({"url": "http://example.org/fhir/ext/a", "extension": [
        {"url": "part", "valueString": "x"}]}), "an unknown complex extension with a relative nested url")
    p("unknown-on-element", T(code={"extension": [{"url": "http://example.org/fhir/ext/a", "valueString": "x"}],
                                    "text": "x"}), "an unknown extension on a datatype (code)")
    p("unknown-on-primitive", insert(T(), "_status", {"extension": [
        {"url": "http://example.org/fhir/ext/a", "valueString": "x"}]}, after="status"),
      "an unknown extension on a primitive (_status)")
    p("unknown-on-contained", insert(T(for_={"reference": "#p1"}), "contained", [
        {"resourceType": "Patient", "id": "p1", "extension": [{"url": "http://example.org/fhir/ext/a",
                                                                "valueString": "x"}]}], after="text"),
      "an unknown extension on a contained Patient")
    p("url-relative", ext({"url": "colour", "valueString": "red"}), "a relative extension url on a resource")
    p("url-empty", ext({"url": "", "valueString": "red"}), "an extension with url \"\"")
    p("modifier-unknown", insert(T(), "modifierExtension", [{"url": "http://example.org/fhir/ext/mod",
                                                             "valueBoolean": True}], after="text"),
      "an unknown modifierExtension")
    p("modifier-unknown-on-backbone", T(input=[{"modifierExtension": [{"url": "http://example.org/fhir/ext/mod",
                                                                      "valueBoolean": True}],
                                               "type": {"text": "x"}, "valueString": "y"}]),
      "an unknown modifierExtension on Task.input")
    p("known-ok-task-replaces", ext({"url": SD + "task-replaces", "valueReference": {"reference": "Task/old"}}),
      "the core task-replaces extension, used correctly")
    p("known-wrong-value-type", ext({"url": SD + "task-replaces", "valueString": "Task/old"}),
      "task-replaces with a string value (Reference expected)")
    p("known-wrong-target", ext({"url": SD + "task-replaces", "valueReference": {"reference": "Patient/pat-1"}}),
      "task-replaces -> a Patient (Reference(Task) expected)")
    p("known-wrong-context", ext({"url": SD + "patient-birthPlace", "valueAddress": {"city": "Bonn"}}),
      "patient-birthPlace (context Patient) on a Task")
    p("known-no-value", ext({"url": SD + "task-replaces"}), "task-replaces with no value")
    p("known-two-values-max-1", insert(T(), "extension", [
        {"url": SD + "task-replaces", "valueReference": {"reference": "Task/a"}},
        {"url": SD + "task-replaces", "valueReference": {"reference": "Task/b"}}], after="text"),
      "task-replaces twice (the extension may repeat: valid?)")
    p("dar-ok", insert(T(), "_description", {"extension": [{"url": DAR, "valueCode": "unknown"}]}, after="code"),
      "a data-absent-reason on a primitive without value: valid")
    p("dar-bad-code", insert(T(), "_description", {"extension": [{"url": DAR, "valueCode": "forgot"}]},
                             after="code"), "a data-absent-reason with a code its value set lacks")
    p("dar-with-value", insert(T(description="x"), "_description", {"extension": [{"url": DAR,
                                                                                   "valueCode": "unknown"}]},
                               after="description"), "a data-absent-reason on a primitive that has a value")
    p("dar-on-complex", T(code={"extension": [{"url": DAR, "valueCode": "unknown"}]}),
      "a data-absent-reason as the only content of a CodeableConcept")
    p("original-text-ok", T(code={"extension": [{"url": SD + "originalText", "valueString": "draw"}],
                                  "coding": [{"system": "http://hl7.org/fhir/CodeSystem/task-code",
                                              "code": "fulfill"}]}), "the originalText extension on code")
    # known simple extensions the fast engine checks against their definitions (and the uses it leaves)
    p("dar-on-task-root", ext({"url": DAR, "valueCode": "unknown"}),
      "a data-absent-reason (context Element) on the Task itself")
    p("dar-on-backbone", T(input=[{"extension": [{"url": DAR, "valueCode": "unknown"}],
                                   "type": {"text": "x"}, "valueString": "y"}]),
      "a data-absent-reason on Task.input (a BackboneElement)")
    p("dar-with-id", insert(T(), "_description", {"extension": [{"id": "d1", "url": DAR, "valueCode": "unknown"}]},
                            after="code"), "a data-absent-reason with an element id")
    p("dar-value-extension", insert(T(), "_description", {"extension": [{"url": DAR, "valueCode": "unknown",
                                                                          "_valueCode": {"extension": [
                                                                              {"url": "http://example.org/fhir/ext/a",
                                                                               "valueString": "x"}]}}]},
                                    after="code"), "a data-absent-reason whose code carries an unknown extension")
    p("dar-empty-code", insert(T(), "_description", {"extension": [{"url": DAR, "valueCode": ""}]}, after="code"),
      "a data-absent-reason with the code \"\"")
    p("dar-code-spaces", insert(T(), "_description", {"extension": [{"url": DAR, "valueCode": " unknown"}]},
                                after="code"), "a data-absent-reason whose code starts with a space")
    p("dar-two-values", insert(T(), "_description", {"extension": [{"url": DAR, "valueCode": "unknown",
                                                                     "valueString": "unknown"}]}, after="code"),
      "a data-absent-reason with a code and a string value")
    p("dar-unknown-property", insert(T(), "_description", {"extension": [{"url": DAR, "valueCode": "unknown",
                                                                           "colour": "red"}]}, after="code"),
      "a data-absent-reason with a property Extension does not have")
    p("dar-code-array", insert(T(), "_description", {"extension": [{"url": DAR, "valueCode": ["unknown"]}]},
                               after="code"), "a data-absent-reason whose valueCode is an array")
    p("dar-code-number", insert(T(), "_description", {"extension": [{"url": DAR, "valueCode": 7}]}, after="code"),
      "a data-absent-reason whose valueCode is a number")
    p("dar-twice", insert(T(), "_description", {"extension": [{"url": DAR, "valueCode": "unknown"},
                                                               {"url": DAR, "valueCode": "masked"}]}, after="code"),
      "two data-absent-reasons on one primitive")
    p("dar-on-reference", T(for_={"extension": [{"url": DAR, "valueCode": "unknown"}], "display": "a patient"}),
      "a data-absent-reason on Task.for (a Reference with a display)")
    p("dar-on-reference-string", T(for_={"_reference": {"extension": [{"url": DAR, "valueCode": "unknown"}]},
                                         "display": "a patient"}),
      "a data-absent-reason in place of Task.for.reference (ref-1 holds)")
    p("dar-on-contained", insert(T(for_={"reference": "#p1"}), "contained", [
        {"resourceType": "Patient", "id": "p1", "_birthDate": {"extension": [{"url": DAR, "valueCode": "masked"}]}}],
        after="text"), "a data-absent-reason on a contained Patient's birthDate")
    p("dar-bad-code-r5", insert(T("R5"), "_description", {"extension": [{"url": DAR, "valueCode": "forgot"}]},
                                after="code"), "a data-absent-reason with a code its value set lacks, in R5",
      release="R5")
    p("dar-in-unknown-extension", ext({"url": "http://example.org/fhir/ext/a", "extension": [
        {"url": DAR, "valueCode": "unknown"}]}), "a data-absent-reason nested in an unknown extension")
    p("dar-modifier", insert(T(), "modifierExtension", [{"url": DAR, "valueCode": "unknown"}], after="text"),
      "a data-absent-reason (not a modifier) as a modifierExtension")
    p("original-text-empty", T(code={"extension": [{"url": SD + "originalText", "valueString": ""}], "text": "x"}),
      "the originalText extension with the string \"\"")
    p("original-text-on-task", ext({"url": SD + "originalText", "valueString": "draw"}),
      "the originalText extension (context Element) on the Task itself")
    p("display-on-coding", T(code={"coding": [{"system": "http://hl7.org/fhir/CodeSystem/task-code",
                                               "code": "fulfill", "_display": {"extension": [
                                                   {"url": SD + "translation", "extension": [
                                                       {"url": "lang", "valueCode": "de"},
                                                       {"url": "content", "valueString": "erfuellen"}]}]}}]}),
      "a complex core extension (translation) on a Coding's display")
    p("xver-r5-element", T(input=[{"extension": [{"url": "http://hl7.org/fhir/5.0/StructureDefinition/"
                                                         "extension-Task.input.value%5Bx%5D",
                                                  "valueString": "x"}], "type": {"text": "x"}, "valueString": "y"}]),
      "a cross-version extension url with an escaped [x]")
    p("xver-r5-element-plain", ext({"url": "http://hl7.org/fhir/5.0/StructureDefinition/extension-Task.doNotPerform",
                                    "valueBoolean": True}), "a cross-version extension for R5 Task.doNotPerform")
    p("tools-extension", ext({"url": "http://hl7.org/fhir/tools/StructureDefinition/no-such", "valueString": "x"}),
      "an extension in the hl7.org/fhir/tools space (always allowed)")
    p("extension-with-id", ext({"id": "e1", "url": "http://example.org/fhir/ext/a", "valueString": "x"}),
      "an extension with an element id")
    p("nested-extension-value-bad", ext({"url": "http://example.org/fhir/ext/a", "extension": [
        {"url": "part", "valueDateTime": "2024-13-01"}]}), "a bad dateTime inside an unknown complex extension")
    p("value-bad-date", ext({"url": "http://example.org/fhir/ext/a", "valueDate": "2024-02-30"}),
      "an unknown extension whose valueDate is invalid")
    p("value-unknown-type", ext({"url": "http://example.org/fhir/ext/a", "valueFoo": "x"}),
      "an extension value with an unknown type suffix")
