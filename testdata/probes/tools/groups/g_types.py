"""Probes: every datatype Task.input.value[x] can hold, valid, and with one defect inside."""
UCUM = "http://unitsofmeasure.org"

VALID = {
    "Address": {"use": "home", "line": ["1 Main St"], "city": "Bonn", "country": "DE"},
    "Annotation": {"authorString": "me", "time": "2024-01-10T08:00:00Z", "text": "a note"},
    "Attachment": {"contentType": "text/plain", "data": "aGVsbG8=", "title": "hello"},
    "CodeableConcept": {"text": "x"},
    "Coding": {"system": "http://hl7.org/fhir/task-status", "code": "draft"},
    "ContactPoint": {"system": "phone", "value": "555-1234", "use": "work"},
    "Count": {"value": 3, "system": UCUM, "code": "1"},
    "Distance": {"value": 3, "unit": "m", "system": UCUM, "code": "m"},
    "Duration": {"value": 3, "unit": "d", "system": UCUM, "code": "d"},
    "HumanName": {"family": "Doe", "given": ["Jo"]},
    "Identifier": {"system": "http://example.org/ids", "value": "1"},
    "Money": {"value": 5, "currency": "EUR"},
    "Period": {"start": "2024-01-10", "end": "2024-01-11"},
    "Quantity": {"value": 5, "unit": "mg", "system": UCUM, "code": "mg"},
    "Range": {"low": {"value": 1, "unit": "mg", "system": UCUM, "code": "mg"},
              "high": {"value": 5, "unit": "mg", "system": UCUM, "code": "mg"}},
    "Ratio": {"numerator": {"value": 1}, "denominator": {"value": 2}},
    "Reference": {"reference": "Patient/pat-1"},
    "SampledData": {"origin": {"value": 0}, "period": 10, "dimensions": 1, "data": "1 2 3"},
    "Timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}},
    "ContactDetail": {"name": "A", "telecom": [{"system": "email", "value": "a@example.org"}]},
    "Contributor": {"type": "author", "name": "A"},
    "DataRequirement": {"type": "Observation"},
    "Expression": {"language": "text/fhirpath", "expression": "true"},
    "ParameterDefinition": {"use": "in", "type": "string", "min": 0, "max": "1"},
    "RelatedArtifact": {"type": "citation", "citation": "x"},
    "TriggerDefinition": {"type": "named-event", "name": "x"},
    "UsageContext": {"code": {"system": "http://terminology.hl7.org/CodeSystem/usage-context-type", "code": "focus"},
                     "valueCodeableConcept": {"text": "x"}},
    "Dosage": {"text": "once daily"},
    "Meta": {"versionId": "1"},
}

BROKEN = {
    "Address": ({"use": "castle", "city": "Bonn"}, "Address.use 'castle' (required binding)"),
    "ContactPoint": ({"system": "pigeon", "value": "x"}, "ContactPoint.system 'pigeon'"),
    "HumanName": ({"use": "nick", "family": "Doe"}, "HumanName.use 'nick'"),
    "Money": ({"value": "5"}, "Money.value as a string"),
    "Period": ({"start": "2024-01-11", "end": "2024-01-10"}, "a Period whose end is before its start"),
    "Range": ({"low": {"value": 1, "unit": "mg", "system": UCUM, "code": "mg"},
               "high": {"value": 5, "unit": "g", "system": UCUM, "code": "g"}}, "a Range whose units differ"),
    "SampledData": ({"origin": {"value": 0}, "dimensions": 1, "data": "1 2 3"}, "SampledData without period"),
    "Timing": ({"repeat": {"period": 1}}, "Timing.repeat.period without periodUnit (tim-4)"),
    "Expression": ({"expression": "true"}, "Expression without language"),
    "ParameterDefinition": ({"use": "sideways", "type": "string", "min": 0, "max": "1"}, "ParameterDefinition.use bad"),
    "RelatedArtifact": ({"type": "rumour"}, "RelatedArtifact.type 'rumour'"),
    "TriggerDefinition": ({"type": "named-event"}, "a named-event TriggerDefinition without name (trd-3)"),
    "DataRequirement": ({"type": "Observation", "limit": 0}, "DataRequirement.limit 0 (positiveInt)"),
    "Dosage": ({"sequence": "one"}, "Dosage.sequence as a string"),
    "Contributor": ({"type": "author"}, "a Contributor without name"),
}


def add(P, T, X):
    for name, v in VALID.items():
        P("types", "valid-" + name.lower(), T(input=[{"type": {"text": "x"}, "value" + name: v}]),
          "input.value" + name + ", valid")
    for name, (v, what) in BROKEN.items():
        P("types", "broken-" + name.lower(), T(input=[{"type": {"text": "x"}, "value" + name: v}]),
          "input.value" + name + ": " + what)
    # R5 has other datatypes in Task.input.value[x]
    for name, v in (("Availability", {"availableTime": [{"allDay": True}]}),
                    ("ExtendedContactDetail", {"name": [{"text": "A"}]}),
                    ("RatioRange", {"lowNumerator": {"value": 1}, "denominator": {"value": 2}}),
                    ("Integer64", "9007199254740993"),
                    ("CodeableReference", {"concept": {"text": "x"}}),
                    ("Contributor", {"type": "author", "name": "A"})):
        P("types", "r5-" + name.lower(), T("R5", input=[{"type": {"text": "x"}, "value" + name: v}]),
          "R5: input.value" + name, release="R5")
