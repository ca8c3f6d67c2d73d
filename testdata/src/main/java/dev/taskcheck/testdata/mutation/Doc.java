package dev.taskcheck.testdata.mutation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A seed parsed once and walked with the element table: every value inside a Task (top level,
 * Bundle entry or contained) and every value of the Bundle around it, as a typed {@link Site} in
 * document order. Bundle entries whose resource is not a Task are not walked (TaskCheck does not
 * report on them).
 */
final class Doc {

  private final Seed seed;
  private final JsonText.Value root;
  private final FhirTable table;
  private final Layout layout;
  private final List<Site> sites = new ArrayList<>();
  private final List<Site> tasks = new ArrayList<>();
  private final List<Site> taskEntries = new ArrayList<>();

  Doc(Seed seed) {
    this.seed = seed;
    this.root = JsonText.parse(seed.text());
    this.table = FhirTable.of(seed.release());
    this.layout = new Layout(seed.text(), root);
    String type = root.text("resourceType");
    Site doc = new Site(null, null, -1, root, null, type, "", type, null);
    sites.add(doc);
    walkResource(doc);
  }

  Seed seed() {
    return seed;
  }

  String text() {
    return seed.text();
  }

  JsonText.Value root() {
    return root;
  }

  FhirTable table() {
    return table;
  }

  Layout layout() {
    return layout;
  }

  /** Every site, in document order; the first is the document. */
  List<Site> sites() {
    return Collections.unmodifiableList(sites);
  }

  /** The Task resources that are not contained: the document, or the Bundle's Task entries. */
  List<Site> tasks() {
    return Collections.unmodifiableList(tasks);
  }

  /**
   * The Bundle entries (array items) whose resource is a Task, in order; empty for a Task document.
   */
  List<Site> taskEntries() {
    return Collections.unmodifiableList(taskEntries);
  }

  boolean isBundle() {
    return "Bundle".equals(root.text("resourceType"));
  }

  private void walkResource(Site resource) {
    String type = resource.type();
    if (!"Task".equals(type) && !("Bundle".equals(type) && resource.parent() == null)) {
      return; // a contained resource other than a Task: known by its type only
    }
    boolean topLevel =
        resource.parent() == null || "Bundle.entry.resource".equals(resource.element().path());
    if ("Task".equals(type) && topLevel) {
      tasks.add(resource);
    }
    walkObject(resource, type, resource);
  }

  private void walkObject(Site site, String owner, Site resource) {
    for (JsonText.Member m : site.value().members()) {
      if (m.name().equals("resourceType") && site.isResource()) {
        continue;
      }
      boolean shadow = m.name().startsWith("_");
      String name = shadow ? m.name().substring(1) : m.name();
      FhirTable.Element e = table.element(owner, name);
      String type = null;
      String fhirName = name;
      if (e != null && !e.isChoice()) {
        type = e.types().size() == 1 ? e.types().get(0) : null;
      } else if (e == null) {
        e = table.choiceFor(owner, name);
        if (e != null) {
          type = table.choiceType(e, name);
          fhirName = e.jsonBase() + ".ofType(" + type + ")";
        }
      }
      if (shadow) {
        type = e != null && type != null && FhirTable.isPrimitive(type) ? "Element" : null;
      }
      String pointer = site.pointer() + "/" + escape(m.name());
      String path = site.path() + "." + (e == null ? name : fhirName);
      if (m.value().isArray()) {
        Site whole = new Site(site, m, -1, m.value(), e, type, pointer, path, resource);
        sites.add(whole);
        List<JsonText.Value> items = m.value().items();
        for (int i = 0; i < items.size(); i++) {
          add(site, m, i, items.get(i), e, type, pointer + "/" + i, path + "[" + i + "]", resource);
        }
      } else {
        add(site, m, -1, m.value(), e, type, pointer, path, resource);
      }
    }
  }

  private void add(
      Site parent,
      JsonText.Member m,
      int item,
      JsonText.Value v,
      FhirTable.Element e,
      String type,
      String pointer,
      String path,
      Site resource) {
    if (v.isObject() && "Resource".equals(type)) {
      String rt = v.text("resourceType");
      Site r = new Site(parent, m, item, v, e, rt == null ? "Resource" : rt, pointer, path, null);
      sites.add(r);
      walkResource(r);
      return;
    }
    if (e != null && e.path().equals("Bundle.entry")) {
      JsonText.Value r = v.isObject() ? v.get("resource") : null;
      if (r == null || !r.isObject() || !"Task".equals(r.text("resourceType"))) {
        return; // an entry of another resource: TaskCheck does not report on it
      }
    }
    Site s = new Site(parent, m, item, v, e, type, pointer, path, resource);
    sites.add(s);
    if (e != null && e.path().equals("Bundle.entry")) {
      taskEntries.add(s);
    }
    if (v.isObject() && type != null) {
      String owner = type.equals("BackboneElement") ? e.path() : type;
      walkObject(s, owner, resource);
    }
  }

  /** A member name as a JSON pointer segment (RFC 6901). */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
