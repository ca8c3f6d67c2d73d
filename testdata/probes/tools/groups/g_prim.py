"""Probes: primitive formats (regexes, ranges, whitespace) per FHIR primitive type."""
from probelib import insert


def add(P, T, X):
    def inp(suffix, value, release="R4"):
        return T(release, input=[{"type": {"text": "x"}, "value" + suffix: value}])

    def p(name, doc, what, release="R4"):
        P("primitive", name, doc, what, release=release)

    # dateTime
    p("datetime-bad-month", T(lastModified="2024-13-10T09:00:00Z"), "dateTime with month 13")
    p("datetime-no-timezone", T(lastModified="2024-01-10T09:00:00"), "dateTime with a time but no time zone")
    p("datetime-no-seconds", T(lastModified="2024-01-10T09:00Z"), "dateTime without seconds")
    p("datetime-single-digit-month", inp("DateTime", "2024-1-5"), "dateTime 2024-1-5")
    p("datetime-hour-24", inp("DateTime", "2024-01-10T24:00:00Z"), "dateTime at hour 24")
    p("datetime-feb-30", inp("DateTime", "2024-02-30"), "dateTime 2024-02-30 (regex passes, the calendar does not)")
    p("datetime-feb-30-time", inp("DateTime", "2024-02-30T10:00:00Z"), "dateTime 2024-02-30T10:00:00Z")
    p("datetime-leap-second", inp("DateTime", "2024-01-10T23:59:60Z"), "dateTime with second 60")
    p("datetime-year-1700", inp("DateTime", "1700-01-01"), "dateTime in 1700 (not a reasonable year)")
    p("datetime-year-1800", inp("DateTime", "1800-01-01"), "dateTime in 1800 (the first reasonable year)")
    p("datetime-year-2200", inp("DateTime", "2200-01-01"), "dateTime in 2200 (more than 80 years ahead)")
    p("datetime-year-0000", inp("DateTime", "0000"), "dateTime year 0000")
    p("datetime-offset-15", inp("DateTime", "2024-01-10T09:00:00+15:00"), "dateTime with offset +15:00")
    p("datetime-offset-14", inp("DateTime", "2024-01-10T09:00:00+14:00"), "dateTime with offset +14:00 (allowed)")
    p("datetime-fraction-10", inp("DateTime", "2024-01-10T09:00:00.1234567890Z"),
      "dateTime with 10 fraction digits (R4: fine)")
    p("datetime-fraction-10-r5", inp("DateTime", "2024-01-10T09:00:00.1234567890Z", "R5"),
      "dateTime with 10 fraction digits in R5 (the R5 type regex allows 9)", release="R5")
    p("datetime-leading-space", inp("DateTime", " 2024-01-10"), "dateTime with a leading space")
    p("datetime-year-month", inp("DateTime", "2024-01"), "dateTime 2024-01 (partial: valid)")
    p("datetime-execution-start-bad", T(executionPeriod={"start": "2024-01-10T08:30"}),
      "executionPeriod.start without seconds or zone")
    # date
    p("date-feb-30", inp("Date", "2024-02-30"), "date 2024-02-30")
    p("date-single-digits", inp("Date", "2024-1-1"), "date 2024-1-1")
    p("date-with-time", inp("Date", "2024-01-10T08:00:00Z"), "a dateTime in a date")
    p("date-compact", inp("Date", "20240110"), "date 20240110")
    p("date-year-1700", inp("Date", "1700-05-01"), "date in 1700")
    # instant
    p("instant-date-only", insert(T(), "meta", {"lastUpdated": "2024-01-10"}, after="id"),
      "meta.lastUpdated (instant) with a date only")
    p("instant-no-zone", insert(T(), "meta", {"lastUpdated": "2024-01-10T09:00:00"}, after="id"),
      "meta.lastUpdated without a zone")
    p("instant-fraction-10-r5", insert(T("R5"), "meta", {"lastUpdated": "2024-01-10T09:00:00.1234567890Z"},
                                       after="id"), "instant with 10 fraction digits in R5", release="R5")
    p("instant-value", inp("Instant", "2024-01-10T09:00:00.123Z"), "input.valueInstant valid")
    p("instant-feb-30", inp("Instant", "2024-02-30T09:00:00Z"), "instant on Feb 30")
    # time
    p("time-hour-25", inp("Time", "25:00:00"), "time 25:00:00")
    p("time-no-seconds", inp("Time", "08:00"), "time 08:00")
    p("time-fraction", inp("Time", "08:00:00.5"), "time 08:00:00.5 (the type regex allows it)")
    p("time-zone", inp("Time", "08:00:00Z"), "time with a zone")
    # decimal
    p("decimal-string-ok", inp("Decimal", 2.5), "valueDecimal 2.5: valid")
    p("decimal-negative-zero", inp("Decimal", -0.0), "valueDecimal -0.0")
    # integer family
    p("integer-fraction", inp("Integer", 1.5), "valueInteger 1.5")
    p("integer-negative", inp("Integer", -5), "valueInteger -5: valid")
    p("positiveint-zero", T(restriction={"repetitions": 0}), "restriction.repetitions (positiveInt) 0")
    p("positiveint-negative", T(restriction={"repetitions": -1}), "restriction.repetitions -1")
    p("positiveint-value-zero", inp("PositiveInt", 0), "input.valuePositiveInt 0")
    p("unsignedint-negative", inp("UnsignedInt", -1), "input.valueUnsignedInt -1")
    p("unsignedint-zero", inp("UnsignedInt", 0), "input.valueUnsignedInt 0: valid")
    # boolean
    p("boolean-yes", inp("Boolean", "yes"), "valueBoolean \"yes\"")
    p("boolean-number", inp("Boolean", 1), "valueBoolean 1")
    # uri / url / canonical / oid / uuid
    p("uri-space", T(instantiatesUri="http://example.org/a b"), "instantiatesUri with a space")
    p("uri-oid-prefix", T(instantiatesUri="oid:1.2.3.4.5"), "a uri starting oid:")
    p("uri-uuid-prefix", T(instantiatesUri="uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"), "a uri starting uuid:")
    p("uri-urn-uuid-bad", T(instantiatesUri="urn:uuid:not-a-uuid"), "a uri urn:uuid: that is no UUID")
    p("uri-urn-oid-short", T(instantiatesUri="urn:oid:1.2"), "a uri urn:oid:1.2 (root too short)")
    p("uri-urn-oid-ok", T(instantiatesUri="urn:oid:2.16.840.1.113883"), "a uri urn:oid: valid")
    p("uri-relative", T(instantiatesUri="protocols/p1"), "a relative uri: allowed")
    p("uri-trailing-space", T(instantiatesUri="http://example.org/p "), "a uri with a trailing space")
    p("url-space", inp("Url", "http://example.org/a b"), "valueUrl with a space")
    p("url-relative", inp("Url", "a/b"), "valueUrl relative")
    p("canonical-relative", T(instantiatesCanonical="ActivityDefinition/ad-1"),
      "instantiatesCanonical relative (not a fragment)")
    p("canonical-fragment", T(instantiatesCanonical="#ad-1"), "instantiatesCanonical #ad-1 with nothing contained")
    p("canonical-absolute", T(instantiatesCanonical="http://example.org/fhir/ActivityDefinition/ad-1|1.0"),
      "instantiatesCanonical absolute with a version: valid, not resolved")
    p("canonical-value", inp("Canonical", "Questionnaire/q1"), "input.valueCanonical relative")
    p("oid-no-prefix", inp("Oid", "1.2.3.4.5"), "valueOid without urn:oid:")
    p("oid-letters", inp("Oid", "urn:oid:1.2.abc"), "valueOid with letters")
    p("oid-first-arc-3", inp("Oid", "urn:oid:3.1.2.3.4"), "valueOid with first arc 3 (type regex wants 0-2)")
    p("uuid-no-prefix", inp("Uuid", "6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"), "valueUuid without urn:uuid:")
    p("uuid-bad", inp("Uuid", "urn:uuid:123"), "valueUuid urn:uuid:123")
    p("uuid-uppercase", inp("Uuid", "urn:uuid:6F1B2C1E-0B8E-4A52-9A57-0A9E3C1F2D11"),
      "valueUuid in upper case (the type regex wants lower case)")
    # code
    p("code-leading-space", T(status=" in-progress"), "status with a leading space")
    p("code-double-space", inp("Code", "a  b"), "valueCode with two spaces inside")
    p("code-tab", inp("Code", "a\tb"), "valueCode with a tab")
    p("code-inner-space", inp("Code", "a b"), "valueCode with one inner space: valid")
    # id
    p("id-underscore", T(id="probe_1"), "Task.id with an underscore")
    p("id-too-long", T(id="a" * 65), "Task.id 65 characters")
    p("id-64", T(id="a" * 64), "Task.id 64 characters: valid")
    p("id-value-space", inp("Id", "a b"), "input.valueId with a space")
    p("element-id-space", T(code={"id": "c 1", "text": "x"}), "an element id (string) with a space")
    # base64Binary
    p("base64-invalid", inp("Base64Binary", "not base64!"), "valueBase64Binary that is not base64")
    p("base64-whitespace", inp("Base64Binary", "aGVs bG8="), "valueBase64Binary with a space (R4: warning)")
    p("base64-whitespace-r5", inp("Base64Binary", "aGVs bG8=", "R5"), "the same in R5 (error)", release="R5")
    p("base64-no-padding", inp("Base64Binary", "aGVsbG8"), "valueBase64Binary without padding")
    # string / markdown
    p("string-leading-space", T(description=" Draw blood"), "description with a leading space")
    p("string-trailing-newline", T(description="Draw blood\n"), "description with a trailing newline")
    p("string-all-whitespace", T(description="   "), "description of spaces only")
    p("string-control-char", T(description="a\u0001b"), "description with a control character U+0001")
    p("string-html", T(description="<b>bold</b> text"), "description with HTML tags")
    p("string-html-script", T(description="x <script>alert(1)</script>"), "description with a script tag")
    p("string-bidi", T(description="abc\u202edef"), "description with a right-to-left override U+202E")
    p("markdown-html", T(note=[{"text": "<b>bold</b>"}]), "Annotation.text (markdown) with HTML")
    p("markdown-value", inp("Markdown", "*ok*"), "input.valueMarkdown valid")
    p("string-long", T(description="x" * 1048577), "a string over 1 MB (1048577 characters)")
