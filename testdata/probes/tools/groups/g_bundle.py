"""Probes: Tasks in Bundles: fullUrl rules, references resolved in the Bundle, Bundle types and invariants."""
import copy

from probelib import bundle, insert, ordered, to_xml, with_

U1 = "urn:uuid:0c3e1a52-2f0e-4d3c-9e8e-2a7c1f6b9d01"
U2 = "urn:uuid:6f1b2c1e-0b8e-4a52-9a57-0a9e3c1f2d11"
BASE = "http://example.org/fhir/"


def add(P, T, X):
    def p(name, doc, what, fmt="json", release="R4"):
        P("bundle", name, doc, what, fmt=fmt, release=release)

    pat = {"resourceType": "Patient", "id": "pat-1", "active": True}
    med = {"resourceType": "Medication", "id": "med-1", "status": "active"}

    def coll(*entries, type_="collection", extra=None):
        return bundle(type_, list(entries), extra=extra)

    # fullUrl
    p("entry-without-fullurl", coll((None, T(), None)), "a collection entry without fullUrl")
    p("fullurl-relative", coll(("Task/probe", T(), None)), "a relative fullUrl")
    p("fullurl-id-mismatch", coll((BASE + "Task/other", T(), None)), "fullUrl Task/other for Task/probe")
    p("fullurl-type-mismatch", coll((BASE + "Patient/probe", T(), None)), "fullUrl says Patient for a Task")
    p("fullurl-urn-uuid", coll((U1, T(), None)), "a urn:uuid fullUrl for a Task with an id: valid")
    p("fullurl-urn-uuid-bad", coll(("urn:uuid:nope", T(), None)), "a urn:uuid fullUrl that is no UUID")
    p("fullurl-task-without-id", coll((BASE + "Task/probe", {k: v for k, v in T().items() if k != "id"}, None)),
      "a RESTful fullUrl for a Task without an id")
    p("fullurl-history", coll((BASE + "Task/probe/_history/1", T(), None)), "a fullUrl with /_history/ (bdl-8)")
    p("fullurl-duplicate", coll((BASE + "Task/probe", T(), None), (BASE + "Task/probe", T(), None)),
      "two entries with the same fullUrl in a collection (bdl-7)")
    # references inside the Bundle
    p("ref-resolves-relative", coll((BASE + "Task/probe", T(), None), (BASE + "Patient/pat-1", pat, None)),
      "for -> Patient/pat-1 which is in the Bundle: valid")
    p("ref-resolves-relative-bad-type", coll((BASE + "Task/probe", T(requester={"reference": "Medication/med-1"}),
                                              None), (BASE + "Medication/med-1", med, None)),
      "requester -> a Medication entry of the Bundle")
    p("ref-resolves-urn", coll((U1, T(for_={"reference": U2}), None), (U2, pat, None)),
      "for -> urn:uuid of a Patient entry: valid")
    p("ref-resolves-urn-bad-type", coll((U1, T(requester={"reference": U2}), None), (U2, med, None)),
      "requester -> urn:uuid of a Medication entry")
    p("ref-urn-not-in-bundle", coll((U1, T(for_={"reference": U2}), None)),
      "for -> a urn:uuid no entry has")
    p("ref-relative-not-in-bundle", coll((BASE + "Task/probe", T(), None)),
      "relative references that are not in the Bundle: no finding")
    p("ref-relative-urn-base", coll((U1, T(), None), (U2, pat, None)),
      "relative Patient/pat-1 from an entry whose fullUrl is a urn:uuid")
    p("ref-possible-match-wrong-fullurl", coll((BASE + "Task/probe", T(), None),
                                               ("http://other.org/fhir/Patient/pat-1", pat, None)),
      "Patient/pat-1 is in the Bundle but under another server's fullUrl")
    p("ref-possible-match-no-fullurl", coll((BASE + "Task/probe", T(), None), (None, pat, None)),
      "Patient/pat-1 is in the Bundle in an entry without fullUrl")
    p("ref-bare-id-in-bundle", coll((BASE + "Task/probe", T(for_={"reference": "pat-1"}), None),
                                    (BASE + "Patient/pat-1", pat, None)), "for -> 'pat-1' (bare id) in a Bundle")
    p("ref-boolean-in-bundle", coll((BASE + "Task/probe", T(for_={"reference": True}), None)),
      "for -> true (a JSON boolean, read as the text 'true') in a Bundle")
    p("ref-bare-id-in-transaction", bundle("transaction", [(U1, T(for_={"reference": "pat-1"}), {
        "request": {"method": "POST", "url": "Task"}})]), "for -> 'pat-1' (bare id) in a transaction")
    p("ref-type-element-mismatch-resolved", coll((U1, T(for_={"reference": U2, "type": "Group"}), None),
                                                 (U2, pat, None)),
      "Reference.type Group but the urn:uuid resolves to a Patient")
    p("ref-absolute-in-bundle", coll((BASE + "Task/probe", T(for_={"reference": BASE + "Patient/pat-1"}), None),
                                     (BASE + "Patient/pat-1", pat, None)), "an absolute reference resolved by fullUrl")
    p("ref-absolute-not-in-bundle", coll((BASE + "Task/probe", T(for_={"reference": BASE + "Patient/nope"}), None)),
      "an absolute reference not in the Bundle")
    p("ref-contained-in-bundle-task", coll((BASE + "Task/probe", T(for_={"reference": "#missing"}), None)),
      "a Task in a Bundle refers to #missing")
    tc = insert(T(for_={"reference": "#p1"}), "contained", [{"resourceType": "Patient", "id": "p1", "active": True}],
                after="text")
    p("contained-ref-in-bundle-task", coll((BASE + "Task/probe", tc, None)),
      "a Task in a Bundle whose for refers to its own contained Patient (valid): ref-1 inside a Bundle")
    tc5 = insert(T("R5", for_={"reference": "#p1"}), "contained", [{"resourceType": "Patient", "id": "p1",
                                                                    "active": True}], after="text")
    p("contained-ref-in-bundle-task-r5", bundle("collection", [(BASE + "Task/probe", tc5, None)]),
      "R5: the same", release="R5")
    # other resource types in the Bundle: their own findings are dropped
    p("other-entry-invalid", coll((BASE + "Task/probe", T(), None),
                                  (BASE + "Patient/pat-1", {"resourceType": "Patient", "id": "pat-1",
                                                            "gender": "woman"}, None)),
      "a Patient entry with an invalid gender: not reported")
    p("other-entry-missing-fullurl", coll((BASE + "Task/probe", T(), None), (None, pat, None)),
      "a Patient entry without fullUrl: its finding is about another entry")
    # Bundle types
    p("type-unknown", coll((BASE + "Task/probe", T(), None), type_="pile"), "Bundle.type 'pile'")
    p("searchset-no-self-link", bundle("searchset", [(BASE + "Task/probe", T(), {"search": {"mode": "match"}})]),
      "a searchset without a self link")
    p("searchset-no-mode", bundle("searchset", [(BASE + "Task/probe", T(), None)], extra={
        "link": [{"relation": "self", "url": BASE + "Task?status=in-progress"}]}),
      "a searchset whose entry has no search.mode")
    p("searchset-wrong-type", bundle("searchset", [(BASE + "Task/probe", T(), {"search": {"mode": "match"}})], extra={
        "link": [{"relation": "self", "url": BASE + "Patient?name=x"}]}),
      "a searchset for Patient that holds a Task as a match")
    p("searchset-total-on-collection", coll((BASE + "Task/probe", T(), None), extra={"total": 1}),
      "Bundle.total on a collection (bdl-1)")
    p("search-on-collection", coll((BASE + "Task/probe", T(), {"search": {"mode": "match"}})),
      "entry.search on a collection (bdl-2)")
    p("request-on-collection", coll((BASE + "Task/probe", T(), {"request": {"method": "GET", "url": "Task/probe"}})),
      "entry.request on a collection (bdl-3)")
    p("history-without-request", bundle("history", [(BASE + "Task/probe", T(), None)]),
      "a history entry without request and response")
    p("history-without-response", bundle("history", [(BASE + "Task/probe", T(), {
        "request": {"method": "PUT", "url": "Task/probe"}})]), "a history entry without response (bdl-4)")
    p("history-delete-entry", bundle("history", [(BASE + "Task/probe", T(), {
        "request": {"method": "PUT", "url": "Task/probe"}, "response": {"status": "200"}}),
        (BASE + "Task/probe", None, {"request": {"method": "DELETE", "url": "Task/probe"},
                                     "response": {"status": "204"}})]),
      "a history with a delete entry (no resource)")
    old = with_(T(), meta={"versionId": "1"}, status="done")
    new = with_(T(), meta={"versionId": "2"})
    p("history-old-version-bad", bundle("history", [
        (BASE + "Task/probe", new, {"request": {"method": "PUT", "url": "Task/probe"}, "response": {"status": "200"}}),
        (BASE + "Task/probe", old, {"request": {"method": "POST", "url": "Task"}, "response": {"status": "201"}})]),
      "a history Bundle whose older version has an invalid status (each version is checked)")
    p("transaction-bad-method", bundle("transaction", [(U1, T(), {"request": {"method": "FETCH", "url": "Task"}})]),
      "a transaction entry with method FETCH")
    p("document-without-composition", bundle("document", [(BASE + "Task/probe", T(), None)]),
      "a document Bundle whose first entry is a Task")
    p("message-without-header", bundle("message", [(BASE + "Task/probe", T(), None)]),
      "a message Bundle whose first entry is a Task")
    p("empty-collection", {"resourceType": "Bundle", "id": "probe-bundle", "type": "collection"},
      "a collection Bundle with no entry (no Task: nothing validated)")
    p("entry-resource-and-nothing", coll((BASE + "Task/probe", T(), None), (BASE + "Patient/x", None, None)),
      "an entry with a fullUrl and no resource")
    p("nested-bundle", coll((BASE + "Bundle/inner", bundle("collection", [(BASE + "Task/probe", T(), None)],
                                                           id_="inner"), None)),
      "a Task inside a Bundle inside a Bundle")
    p("two-tasks-one-bad", coll((BASE + "Task/probe", T(), None),
                                (BASE + "Task/probe2", with_(T(), id="probe2", status="done"), None)),
      "two Tasks, the second with a bad status: each finding on its own Task")
    t2 = with_(T(), id="probe2")
    t2["for"] = {"reference": "Task/probe"}
    p("task-refers-to-task", coll((BASE + "Task/probe", T(), None), (BASE + "Task/probe2", t2, None)),
      "a Task whose for refers to the other Task of the Bundle")
    p("entry-link", coll((BASE + "Task/probe", T(), {"link": [{"relation": "self", "url": BASE + "Task/probe"}]})),
      "an entry with a link")
    p("bundle-link-prohibited", coll((BASE + "Task/probe", T(), None), extra={
        "link": [{"relation": "next", "url": BASE + "Task?page=2"}]}),
      "a collection with a 'next' link")
    p("bundle-timestamp-bad", insert(coll((BASE + "Task/probe", T(), None)), "timestamp", "2024-01-10",
                                     after="type"), "Bundle.timestamp (instant) with a date only")
    p("bundle-identifier-bad-system", insert(coll((BASE + "Task/probe", T(), None)), "identifier",
                                             {"system": "local", "value": "1"}, after="id"),
      "Bundle.identifier with a relative system")
    p("bundle-xml-fullurl-mismatch", to_xml(bundle("collection", [(BASE + "Task/other", ordered(T()), None)])),
      "fullUrl id mismatch in an XML Bundle", fmt="xml")
    p("bundle-xml-unknown-in-task", to_xml(bundle("collection", [
        (BASE + "Task/probe", ordered(insert(T(), "bogus", "1", after="intent")), None)])),
      "an unknown element in a Task of an XML Bundle", fmt="xml")
    p("bundle-r5-relative-urn-base", bundle("collection", [(U1, T("R5"), None), (U2, pat, None)]),
      "R5: relative references from an entry whose fullUrl is a urn:uuid", release="R5")
    p("bundle-r5-fullurl-id-mismatch", bundle("collection", [(BASE + "Task/other", T("R5"), None)]),
      "R5: fullUrl id mismatch", release="R5")
