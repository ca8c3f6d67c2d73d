package dev.taskcheck.testdata.mutation;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a Bundle around a Task entry. Variants: {@code fullurl-mismatch} (the fullUrl's id is not
 * the resource's), {@code fullurl-missing}, {@code fullurl-duplicate} (another entry's fullUrl),
 * {@code fullurl-relative} ({@code Task/id}), {@code fullurl-wrong-type} ({@code .../Patient/id}),
 * {@code reference-wrong-entry} (a Task reference to another entry whose type the element does not
 * allow), {@code reference-dangling} (a reference that resolved in the Bundle now points at no
 * entry), {@code request-in-collection} and {@code search-in-collection} (entry.request or
 * entry.search where the Bundle type forbids them), {@code missing-request} (a transaction, batch
 * or history entry without one).
 */
final class BundleEntries extends BaseOperator {

  BundleEntries() {
    super("bundle", "broken Bundle entries: fullUrl, entry references, request and search");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    if (!doc.isBundle()) {
      return;
    }
    String type = doc.root().text("type");
    boolean needsRequest =
        "transaction".equals(type) || "batch".equals(type) || "history".equals(type);
    for (Site entry : doc.taskEntries()) {
      JsonText.Value e = entry.value();
      String fullUrl = e.text("fullUrl");
      String id = e.get("resource").text("id");
      if (fullUrl != null) {
        add(out, entry, "fullurl-missing");
        add(out, entry, "fullurl-relative");
        if (id != null) {
          add(out, entry, "fullurl-mismatch");
          add(out, entry, "fullurl-wrong-type");
        }
        if (otherFullUrls(doc, e).size() > 0) {
          add(out, entry, "fullurl-duplicate");
        }
      }
      if (!needsRequest && e.member("request") == null) {
        add(out, entry, "request-in-collection");
      }
      if (!"searchset".equals(type) && e.member("search") == null) {
        add(out, entry, "search-in-collection");
      }
      if (needsRequest && e.member("request") != null) {
        add(out, entry, "missing-request");
      }
    }
    for (Site s : doc.sites()) {
      if (!"Reference".equals(s.type())
          || !s.value().isObject()
          || !s.inTask()
          || s.element() == null) {
        continue;
      }
      if (s.element().restrictedTargets() && !wrongEntries(doc, s).isEmpty()) {
        add(out, s, "reference-wrong-entry");
      }
      String ref = s.value().text("reference");
      if (ref != null && resolves(doc, ref)) {
        add(out, s, "reference-dangling");
      }
    }
  }

  /** The fullUrls of the other entries. */
  private static List<String> otherFullUrls(Doc doc, JsonText.Value entry) {
    List<String> out = new ArrayList<>();
    for (JsonText.Value e : doc.root().get("entry").items()) {
      String u = e.isObject() ? e.text("fullUrl") : null;
      if (e != entry && u != null && !u.equals(entry.text("fullUrl"))) {
        out.add(u);
      }
    }
    return out;
  }

  /** Entries (with a fullUrl) whose resource type the reference's element does not allow. */
  private static List<JsonText.Value> wrongEntries(Doc doc, Site ref) {
    List<JsonText.Value> out = new ArrayList<>();
    for (JsonText.Value e : doc.root().get("entry").items()) {
      JsonText.Value r = e.isObject() ? e.get("resource") : null;
      String type = r != null && r.isObject() ? r.text("resourceType") : null;
      if (type != null && e.text("fullUrl") != null && !ref.element().targets().contains(type)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Whether a reference names an entry of the Bundle (its fullUrl, or its Type/id at the end). */
  private static boolean resolves(Doc doc, String ref) {
    for (JsonText.Value e : doc.root().get("entry").items()) {
      String u = e.isObject() ? e.text("fullUrl") : null;
      if (u != null
          && (u.equals(ref)
              || (!ref.startsWith("#") && ref.contains("/") && u.endsWith("/" + ref)))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    JsonText.Value e = s.value();
    JsonText.Value fullUrl = e.get("fullUrl");
    String id = e.isObject() && e.get("resource") != null ? e.get("resource").text("id") : null;
    String url = fullUrl != null && fullUrl.isString() ? fullUrl.string() : null;
    return switch (t.variant()) {
      case "fullurl-missing" ->
          Change.at(
              s,
              t.variant(),
              "removed fullUrl " + Ops.shown(doc, fullUrl),
              Ops.remove(doc, e, "fullUrl"));
      case "fullurl-relative" -> fullUrl(doc, s, t, "Task/" + (id == null ? "example" : id));
      case "fullurl-mismatch" ->
          fullUrl(
              doc,
              s,
              t,
              url.startsWith("urn:")
                  ? "http://example.org/fhir/Task/" + id + "-other"
                  : base(url) + "Task/" + id + "-other");
      case "fullurl-wrong-type" ->
          fullUrl(
              doc,
              s,
              t,
              (url.startsWith("urn:") ? "http://example.org/fhir/" : base(url)) + "Patient/" + id);
      case "fullurl-duplicate" -> fullUrl(doc, s, t, rng.pick(otherFullUrls(doc, e)));
      case "request-in-collection" ->
          Change.at(
              s,
              t.variant(),
              "added entry.request in a " + doc.root().text("type") + " Bundle",
              Ops.append(
                  doc,
                  e,
                  "request",
                  Jsons.obj("method", Jsons.quote("POST"), "url", Jsons.quote("Task"))));
      case "search-in-collection" ->
          Change.at(
              s,
              t.variant(),
              "added entry.search in a " + doc.root().text("type") + " Bundle",
              Ops.append(doc, e, "search", Jsons.obj("mode", Jsons.quote("match"))));
      case "missing-request" ->
          Change.at(
              s,
              t.variant(),
              "removed entry.request in a " + doc.root().text("type") + " Bundle",
              Ops.remove(doc, e, "request"));
      case "reference-wrong-entry" -> {
        JsonText.Value target = rng.pick(wrongEntries(doc, s));
        String now = target.text("fullUrl");
        yield reference(
            doc,
            s,
            t,
            now,
            " (a "
                + target.get("resource").text("resourceType")
                + " entry; allowed: "
                + String.join("|", s.element().targets())
                + ")");
      }
      default -> reference(doc, s, t, "urn:uuid:" + Ops.uuid(rng), " (no such entry)");
    };
  }

  private static Change fullUrl(Doc doc, Site entry, Target t, String now) {
    JsonText.Value old = entry.value().get("fullUrl");
    return new Change(
        t.variant(),
        entry.pointer() + "/fullUrl",
        entry.path() + ".fullUrl",
        "fullUrl " + Ops.shown(doc, old) + " -> \"" + now + "\"",
        List.of(Ops.replaceString(doc, old, now)));
  }

  private static Change reference(Doc doc, Site s, Target t, String now, String why) {
    JsonText.Value old = s.value().get("reference");
    Layout.Edit edit =
        old != null
            ? Ops.replaceString(doc, old, now)
            : Ops.append(doc, s.value(), "reference", Jsons.quote(now));
    return new Change(
        t.variant(),
        s.pointer() + "/reference",
        s.path() + ".reference",
        "reference " + (old == null ? "added" : Ops.shown(doc, old)) + " -> \"" + now + "\"" + why,
        List.of(edit));
  }

  /**
   * A URL up to and including its last-but-one slash ({@code http://x/fhir/} of {@code
   * http://x/fhir/Task/1}).
   */
  private static String base(String url) {
    int last = url.lastIndexOf('/');
    int before = last > 0 ? url.lastIndexOf('/', last - 1) : -1;
    return before >= 0 ? url.substring(0, before + 1) : "http://example.org/fhir/";
  }
}
