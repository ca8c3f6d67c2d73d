"""Probes: XML-only behaviour (order, attributes, namespaces, text, repeats of 0..1 elements)."""


def add(P, T, X):
    base = X(T())

    def p(name, text, what, release="R4"):
        P("xml", name, text, what, fmt="xml", release=release)

    def rep(old, new, count=1, src=None):
        s = base if src is None else src
        if old not in s:
            raise SystemExit("xml probe: text not found: " + old)
        return s.replace(old, new, count)

    p("duplicate-0-1", rep('<priority value="routine"/>',
                           '<priority value="routine"/>\n  <priority value="urgent"/>'),
      "priority (0..1) twice")
    p("duplicate-1-1", rep('<status value="in-progress"/>',
                           '<status value="in-progress"/>\n  <status value="completed"/>'),
      "status (1..1) twice")
    p("out-of-order", rep('  <status value="in-progress"/>\n  <intent value="order"/>',
                          '  <intent value="order"/>\n  <status value="in-progress"/>'),
      "intent before status")
    p("out-of-order-nested", rep('<system value="http://hl7.org/fhir/CodeSystem/task-code"/>\n'
                                 '      <code value="fulfill"/>',
                                 '<code value="fulfill"/>\n      <system value="http://hl7.org/fhir/CodeSystem/task-code"/>'),
      "Coding.code before Coding.system")
    p("unknown-attribute", rep('<status value="in-progress"/>', '<status value="in-progress" colour="red"/>'),
      "an unknown attribute on a primitive")
    p("unknown-attribute-complex", rep('<code>', '<code colour="red">'), "an unknown attribute on a complex element")
    p("value-on-complex", rep('<code>', '<code value="fulfill">'), "a value attribute on a complex element")
    p("text-in-primitive", rep('<status value="in-progress"/>', '<status value="in-progress">done</status>'),
      "text content inside a primitive element")
    p("text-in-complex", rep('<code>', '<code>some text'), "text content inside a complex element")
    p("empty-primitive", rep('<priority value="routine"/>', '<priority/>'), "a primitive element without value")
    p("empty-complex", rep('  <executionPeriod>\n    <start value="2024-01-10T08:30:00Z"/>\n  </executionPeriod>',
                           '  <executionPeriod/>'), "an empty complex element")
    p("value-empty-string", rep('<priority value="routine"/>', '<priority value=""/>'), "priority value=\"\"")
    p("wrong-namespace-root", base.replace('xmlns="http://hl7.org/fhir"', 'xmlns="http://example.org/not-fhir"'),
      "the root in another namespace")
    p("no-namespace-root", base.replace(' xmlns="http://hl7.org/fhir"', ''), "the root without a namespace")
    p("wrong-namespace-child", rep('<priority value="routine"/>',
                                   '<priority xmlns="http://example.org/x" value="routine"/>'),
      "a child element in another namespace")
    p("cdata", rep('<status value="in-progress"/>', '<status value="in-progress"><![CDATA[x]]></status>'),
      "a CDATA section in an element")
    p("processing-instruction", rep('<status value="in-progress"/>', '<?pi x?>\n  <status value="in-progress"/>'),
      "a processing instruction inside the resource")
    p("comment", rep('<status value="in-progress"/>', '<!-- a comment -->\n  <status value="in-progress"/>'),
      "an XML comment inside the resource (allowed)")
    p("xsi-type", rep('<code>', '<code xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                                'xsi:type="CodeableConcept">'), "an xsi:type attribute")
    p("schema-location", rep('<Task xmlns="http://hl7.org/fhir">',
                             '<Task xmlns="http://hl7.org/fhir" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                             'xsi:schemaLocation="http://hl7.org/fhir ../fhir-single.xsd">'),
      "an xsi:schemaLocation on the root (allowed)")
    p("encoding-latin1", rep('encoding="UTF-8"', 'encoding="ISO-8859-1"'), "the XML declaration says ISO-8859-1")
    p("no-declaration", base.split("\n", 1)[1], "no XML declaration")
    p("value-with-whitespace", rep('<priority value="routine"/>', '<priority value=" routine "/>'),
      "priority value with spaces around")
    p("integer-plus-sign", rep('</Task>', '  <restriction>\n    <repetitions value="+5"/>\n  </restriction>\n</Task>'),
      "positiveInt written +5")
    p("integer-leading-zero", rep('</Task>', '  <input>\n    <type>\n      <text value="x"/>\n    </type>\n'
                                             '    <valueInteger value="007"/>\n  </input>\n</Task>'),
      "integer written 007")
    p("decimal-leading-dot", rep('</Task>', '  <input>\n    <type>\n      <text value="x"/>\n    </type>\n'
                                            '    <valueDecimal value=".5"/>\n  </input>\n</Task>'),
      "decimal written .5")
    p("decimal-trailing-dot", rep('</Task>', '  <input>\n    <type>\n      <text value="x"/>\n    </type>\n'
                                             '    <valueDecimal value="1."/>\n  </input>\n</Task>'),
      "decimal written 1.")
    p("boolean-uppercase", rep('</Task>', '  <input>\n    <type>\n      <text value="x"/>\n    </type>\n'
                                          '    <valueBoolean value="TRUE"/>\n  </input>\n</Task>'),
      "boolean written TRUE")
    p("extension-url-element", rep('  <status value="in-progress"/>',
                                   '  <extension>\n    <url value="http://example.org/fhir/ext/a"/>\n'
                                   '    <valueString value="x"/>\n  </extension>\n  <status value="in-progress"/>'),
      "an extension whose url is an element, not an attribute")
    p("id-attribute-on-resource", rep('<Task xmlns="http://hl7.org/fhir">', '<Task xmlns="http://hl7.org/fhir" id="x">'),
      "an id attribute on the resource element")
    p("div-text-outside", rep('<div xmlns="http://www.w3.org/1999/xhtml"><p>Draw blood for a lipid panel</p></div>',
                              '<div xmlns="http://www.w3.org/1999/xhtml"><p>Draw blood for a lipid panel</p></div>'
                              '\n    stray text'), "text after the div inside Narrative")
    p("choice-unknown-type", rep('</Task>', '  <input>\n    <type>\n      <text value="x"/>\n    </type>\n'
                                            '    <valueFoo value="x"/>\n  </input>\n</Task>'),
      "input.valueFoo in XML")
    p("contained-two-resources", rep('  <status value="in-progress"/>',
                                     '  <contained>\n    <Patient>\n      <id value="p1"/>\n    </Patient>\n'
                                     '    <Patient>\n      <id value="p2"/>\n    </Patient>\n  </contained>\n'
                                     '  <status value="in-progress"/>'),
      "two resources inside one contained element")
    p("contained-empty", rep('  <status value="in-progress"/>', '  <contained/>\n  <status value="in-progress"/>'),
      "an empty contained element")
    p("contained-unknown-type", rep('  <status value="in-progress"/>',
                                    '  <contained>\n    <Patiant>\n      <id value="p1"/>\n    </Patiant>\n'
                                    '  </contained>\n  <status value="in-progress"/>'),
      "a contained element holding an unknown resource name")
    p("doctype", base.replace('<?xml version="1.0" encoding="UTF-8"?>',
                              '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Task>'), "a DOCTYPE declaration")
    p("entity-in-value", rep('<priority value="routine"/>', '<priority value="rou&#116;ine"/>'),
      "a character reference inside a value attribute")
    p("r5-duplicate-0-1", X(T("R5"), "R5").replace('<priority value="routine"/>',
                                                   '<priority value="routine"/>\n  <priority value="urgent"/>'),
      "R5: priority twice", release="R5")
