"""Probes: narrative and XHTML."""
from probelib import insert, without

NS = 'xmlns="http://www.w3.org/1999/xhtml"'


def div(inner, attrs=""):
    return "<div " + NS + attrs + ">" + inner + "</div>"


def add(P, T, X):
    def p(name, doc, what, fmt="json", release="R4"):
        P("narrative", name, doc, what, fmt=fmt, release=release)

    def nar(d, status="generated", release="R4"):
        return T(release, text={"status": status, "div": d})

    p("missing", without(T(), "text"), "no narrative: dom-6 (best practice, warning)")
    p("missing", X(without(T(), "text")), "no narrative in XML", fmt="xml")
    p("missing-r5", without(T("R5"), "text"), "no narrative in R5", release="R5")
    p("missing-contained", insert(T(for_={"reference": "#p1"}), "contained", [
        {"resourceType": "Patient", "id": "p1", "active": True}], after="text"),
      "a contained resource without narrative: dom-6 applies to the root only")
    p("no-namespace", nar("<div><p>x</p></div>"), "a div without the XHTML namespace")
    p("wrong-root", nar('<p ' + NS + '>x</p>'), "a narrative whose root is a p")
    p("not-xml", nar("<div " + NS + "><p>x</div>"), "a narrative that is not well-formed")
    p("plain-text", nar("just text"), "a narrative that is plain text")
    p("script", nar(div("<script>alert(1)</script><p>x</p>")), "a script element")
    p("event-attribute", nar(div('<p onclick="x()">x</p>')), "an onclick attribute")
    p("unknown-element", nar(div("<blink>x</blink>")), "an element XHTML narrative does not allow")
    p("style-attribute", nar(div('<p style="color:red">x</p>')), "a style attribute (allowed)")
    p("img-external", nar(div('<img src="http://example.org/a.png" alt="a"/>')), "an img with an external src")
    p("img-data", nar(div('<img src="data:image/png;base64,iVBORw0KGgo=" alt="a"/>')), "an img with a data: src")
    p("img-fragment-missing", nar(div('<img src="#nope" alt="a"/>')), "an img src that resolves nowhere")
    p("href-javascript", nar(div('<a href="javascript:alert(1)">x</a>')), "a javascript: link")
    p("href-fragment-missing", nar(div('<a href="#nope">x</a>')), "a link to #nope which is nowhere")
    p("href-fragment-ok", nar(div('<a name="here"/><a href="#here">x</a>')), "a link to an anchor in the div")
    p("href-empty", nar(div('<a href="">x</a>')), "a link with an empty href")
    p("href-urn", nar(div('<a href="urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11">x</a>')), "a urn: link")
    p("href-ftp", nar(div('<a href="ftp://example.org/x">x</a>')), "an ftp: link (unknown scheme)")
    p("duplicate-ids", nar(div('<p id="a">x</p><p id="a">y</p>')), "two elements with the same id in the div")
    p("status-empty-div-extensions", nar(div(""), status="empty"), "status empty with an empty div")
    p("lang-missing", insert(T(), "language", "en", after="id"), "Task.language set, no lang on the div")
    p("lang-only-lang", insert(nar(div("<p>x</p>", ' lang="en"')), "language", "en", after="id"),
      "language set, the div has lang only")
    p("lang-both", insert(nar(div("<p>x</p>", ' lang="en" xml:lang="en"')), "language", "en", after="id"),
      "language set, the div has lang and xml:lang")
    p("lang-different", insert(nar(div("<p>x</p>", ' lang="de" xml:lang="de"')), "language", "en", after="id"),
      "language en, the div says de")
    p("table", nar(div("<table><tr><td>x</td></tr></table>")), "a table: valid")
    p("entity", nar(div("<p>&nbsp;x</p>")), "an HTML entity &nbsp;")
    p("entity-numeric", nar(div("<p>&#160;x</p>")), "a numeric character reference")
    p("comment", nar(div("<!-- c --><p>x</p>")), "an XML comment in the div")
    p("xhtml-in-xml-no-ns", X(T(text={"status": "generated", "div": "<div><p>x</p></div>"})),
      "XML: a div without the XHTML namespace", fmt="xml")
    p("xhtml-in-xml-script", X(T(text={"status": "generated", "div": div("<script>x</script><p>x</p>")})),
      "XML: a script element", fmt="xml")
    p("block-in-paragraph", nar(div("<p>x<div>y</div></p>")), "a div inside a p")
    p("li-outside-list", nar(div("<li>x</li>")), "an li outside ul/ol")
    p("table-with-text", nar(div("<table>x<tr><td>y</td></tr></table>")), "text directly inside a table")
    p("br-with-children", nar(div("<p>x<br>y</br></p>")), "a br with content")
    p("nested-b", nar(div("<p><b>x<b>y</b></b></p>")), "a b inside a b")
    p("xml-space", nar(div('<pre xml:space="preserve">x</pre>')), "an xml:space attribute")
    p("mixed-lang", nar(div('<div xml:lang="en">x</div><p>y</p>')), "a language div next to other content")
    p("extensions-status", nar(div("<p>x</p>"), status="extensions"), "status 'extensions': valid code")
