"""Helpers for the probe generator: base Tasks, JSON and XML writers, small mutation helpers.

Everything here is plain Python 3 (stdlib only). The probe documents are our own content (Apache-2.0).
"""
import copy
import json
from xml.sax.saxutils import quoteattr

XHTML_NS = "http://www.w3.org/1999/xhtml"
DIV = '<div xmlns="http://www.w3.org/1999/xhtml"><p>Draw blood for a lipid panel</p></div>'

# Top-level element order of Task (XML must follow it; JSON does not care)
TASK_ORDER_R4 = [
    "resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension",
    "modifierExtension", "identifier", "instantiatesCanonical", "instantiatesUri", "basedOn", "groupIdentifier",
    "partOf", "status", "statusReason", "businessStatus", "intent", "priority", "code", "description", "focus",
    "for", "encounter", "executionPeriod", "authoredOn", "lastModified", "requester", "performerType", "owner",
    "location", "reasonCode", "reasonReference", "insurance", "note", "relevantHistory", "restriction", "input",
    "output"]
TASK_ORDER_R5 = [
    "resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension",
    "modifierExtension", "identifier", "instantiatesCanonical", "instantiatesUri", "basedOn", "groupIdentifier",
    "partOf", "status", "statusReason", "businessStatus", "intent", "priority", "doNotPerform", "code",
    "description", "focus", "for", "encounter", "requestedPeriod", "executionPeriod", "authoredOn", "lastModified",
    "requester", "requestedPerformer", "owner", "performer", "location", "reason", "insurance", "note",
    "relevantHistory", "restriction", "input", "output"]


def base_task(release="R4", id_="probe"):
    """A Task that the reference engine and every TaskCheck rule accept (no finding at all)."""
    t = {
        "resourceType": "Task",
        "id": id_,
        "text": {"status": "generated", "div": DIV},
        "status": "in-progress",
        "intent": "order",
        "priority": "routine",
        "code": {"coding": [{"system": "http://hl7.org/fhir/CodeSystem/task-code", "code": "fulfill"}]},
        "for": {"reference": "Patient/pat-1"},
        "authoredOn": "2024-01-10T08:00:00Z",
        "lastModified": "2024-01-10T09:00:00Z",
        "requester": {"reference": "Practitioner/pr-1"},
        "owner": {"reference": "Organization/lab-1"},
        "executionPeriod": {"start": "2024-01-10T08:30:00Z"},
    }
    if release == "R5":
        # an element that exists only in R5: the release detector picks R5 from it
        t = insert(t, "doNotPerform", False, before="code")
    elif release == "R4B":
        # only a versioned core profile tells R4B from R4
        t = insert(t, "meta", {"profile": ["http://hl7.org/fhir/StructureDefinition/Task|4.3.0"]}, after="id")
    return t


def insert(d, key, value, after=None, before=None):
    """A copy of dict d with key set to value, placed after/before another key (or at the end)."""
    out = {}
    placed = False
    for k, v in d.items():
        if k == key:
            continue
        if before is not None and k == before and not placed:
            out[key] = value
            placed = True
        out[k] = v
        if after is not None and k == after and not placed:
            out[key] = value
            placed = True
    if not placed:
        out[key] = value
    return out


def ordered(d, release="R4"):
    """Top-level keys of a Task in definition order (the _x partners right after their element)."""
    order = TASK_ORDER_R5 if release == "R5" else TASK_ORDER_R4

    def rank(k):
        base = k[1:] if k.startswith("_") else k
        i = order.index(base) if base in order else len(order)
        return (i, 1 if k.startswith("_") else 0)
    return {k: d[k] for k in sorted(d, key=rank)}


def without(d, *keys):
    out = copy.deepcopy(d)
    for k in keys:
        out.pop(k, None)
    return out


def with_(d, **kv):
    """A copy with keys replaced in place (or appended); 'for_' stands for 'for'."""
    out = copy.deepcopy(d)
    for k, v in kv.items():
        k = "for" if k == "for_" else k
        if k in out:
            out[k] = v
        else:
            out = insert(out, k, v)
    return out


def to_json(d):
    return json.dumps(d, indent=2, ensure_ascii=False) + "\n"


def bundle(type_, entries, id_="probe-bundle", extra=None):
    """entries: list of (fullUrl or None, resource dict, extra entry fields dict or None)."""
    b = {"resourceType": "Bundle", "id": id_, "type": type_}
    if extra:
        b.update(extra)
    es = []
    for fu, res, more in entries:
        e = {}
        if fu is not None:
            e["fullUrl"] = fu
        if res is not None:
            e["resource"] = res
        if more:
            e.update(more)
        es.append(e)
    if es:
        b["entry"] = es
    return b


# ---- XML -------------------------------------------------------------------------------------------------

RESOURCE_HOLDERS = {"contained", "resource", "outcome"}


def _attr(v):
    if isinstance(v, bool):
        return quoteattr("true" if v else "false")
    return quoteattr(str(v))


def _xml_element(name, value, shadow, ind, out):
    """One JSON member as XML: value is a primitive, dict or None; shadow is the _name partner."""
    pad = "  " * ind
    if name == "div" and isinstance(value, str):
        out.append(pad + value)
        return
    attrs = ""
    children = []
    if isinstance(value, dict):
        if "id" in value and not isinstance(value["id"], dict):
            attrs += " id=" + _attr(value["id"])
        if name in ("extension", "modifierExtension") and "url" in value:
            attrs += " url=" + _attr(value["url"])
        children = [(k, v) for k, v in value.items()
                    if not ((k == "id") or (k == "url" and name in ("extension", "modifierExtension")))]
    else:
        if shadow is not None and "id" in shadow:
            attrs += " id=" + _attr(shadow["id"])
        if value is not None:
            attrs += " value=" + _attr(value)
        if shadow is not None:
            children = [(k, v) for k, v in shadow.items() if k != "id"]
    if not children:
        out.append(pad + "<" + name + attrs + "/>")
        return
    out.append(pad + "<" + name + attrs + ">")
    _xml_children(children, ind + 1, out)
    out.append(pad + "</" + name + ">")


def _xml_children(items, ind, out, resource_level=False):
    keys = dict(items)
    for k, v in items:
        if resource_level and k == "id" and isinstance(v, str):
            # a resource id is an element, not an attribute
            _xml_element("id", v, keys.get("_id"), ind, out)
            continue
        if k.startswith("_"):
            if k[1:] in keys:
                continue  # emitted with its partner
            shadow = v
            v = None
            k = k[1:]
        else:
            shadow = keys.get("_" + k)
        if k in RESOURCE_HOLDERS and (isinstance(v, dict) or isinstance(v, list)):
            for r in (v if isinstance(v, list) else [v]):
                pad = "  " * ind
                out.append(pad + "<" + k + ">")
                _xml_resource(r, ind + 1, out)
                out.append(pad + "</" + k + ">")
            continue
        if isinstance(v, list):
            shadows = shadow if isinstance(shadow, list) else [None] * len(v)
            for i, item in enumerate(v):
                _xml_element(k, item, shadows[i] if i < len(shadows) else None, ind, out)
        else:
            _xml_element(k, v, shadow, ind, out)


def _xml_resource(r, ind, out, root=False):
    pad = "  " * ind
    ns = ' xmlns="http://hl7.org/fhir"' if root else ""
    out.append(pad + "<" + r["resourceType"] + ns + ">")
    _xml_children([(k, v) for k, v in r.items() if k != "resourceType"], ind + 1, out, resource_level=True)
    out.append(pad + "</" + r["resourceType"] + ">")


def to_xml(resource):
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    _xml_resource(resource, 0, out, root=True)
    return "\n".join(out) + "\n"
