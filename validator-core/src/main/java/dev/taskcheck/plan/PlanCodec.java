package dev.taskcheck.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The binary form of a {@link Plan}: a string table, then one indexed section each for definitions,
 * value sets and code systems. {@link #read} decodes only the string table and the indexes; each
 * entry is decoded on first use. Entries are written in key order, so the same plan always gives
 * the same bytes. Enum constants are stored by ordinal: changing an enum of the plan model bumps
 * {@code FORMAT}.
 */
@SuppressWarnings("EnumOrdinal") // the format stores enum constants by ordinal (see above)
public final class PlanCodec {

  static final String MAGIC = "TCPLAN";

  /**
   * The format version; a plan of another version is refused (it is rebuilt with the code that
   * reads it).
   */
  static final int FORMAT = 3;

  private PlanCodec() {}

  /** Writes the whole plan (every entry is decoded if it was not yet). */
  public static void write(Plan plan, OutputStream out) throws IOException {
    Strings strings = new Strings();
    byte[] definitions = section(plan.definitionsSection(), strings, PlanCodec::writeType);
    byte[] valueSets = section(plan.valueSetsSection(), strings, PlanCodec::writeValueSet);
    byte[] codeSystems = section(plan.codeSystemsSection(), strings, PlanCodec::writeCodeSystem);
    Writer head = new Writer(strings);
    head.utf(plan.fhirVersion());
    Map<String, String> typeUrls = new TreeMap<>(plan.typeUrls());
    head.varint(typeUrls.size());
    for (Map.Entry<String, String> e : typeUrls.entrySet()) {
      head.string(e.getKey());
      head.string(e.getValue());
    }
    Writer table = new Writer(strings);
    table.utf(MAGIC);
    table.varint(FORMAT);
    table.varint(strings.list.size());
    for (String s : strings.list) {
      table.utf(s);
    }
    out.write(table.bytes());
    out.write(head.bytes());
    out.write(definitions);
    out.write(valueSets);
    out.write(codeSystems);
    out.flush();
  }

  public static byte[] toBytes(Plan plan) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(plan, out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** Reads a plan; its entries are decoded lazily from the bytes read. */
  public static Plan read(InputStream in) throws IOException {
    return read(in.readAllBytes());
  }

  /**
   * Reads a plan from its bytes; entries are decoded when first used.
   *
   * @throws IllegalArgumentException when the bytes are not a plan of this format
   */
  public static Plan read(byte[] bytes) {
    try {
      return decode(bytes);
    } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("not a TaskCheck plan, or a damaged one", e);
    }
  }

  private static Plan decode(byte[] bytes) {
    Reader r = new Reader(bytes, 0, new StringTable(bytes, new int[0]));
    String magic = r.utf();
    if (!magic.equals(MAGIC)) {
      throw new IllegalArgumentException("not a TaskCheck plan");
    }
    int format = r.varint();
    if (format != FORMAT) {
      throw new IllegalArgumentException(
          "a TaskCheck plan of format "
              + format
              + ", expected "
              + FORMAT
              + " (rebuild it with this version)");
    }
    int count = r.varint();
    int[] offsets = new int[count];
    for (int i = 0; i < count; i++) {
      offsets[i] = r.position;
      int length = r.varint();
      r.position += length;
    }
    r = new Reader(bytes, r.position, new StringTable(bytes, offsets));
    String fhirVersion = r.utf();
    int types = r.varint();
    Map<String, String> typeUrls = new HashMap<>();
    for (int i = 0; i < types; i++) {
      typeUrls.put(r.string(), r.string());
    }
    LazySection<TypeDef> definitions = new LazySection<>(r, PlanCodec::readType);
    LazySection<ValueSetDef> valueSets = new LazySection<>(r, PlanCodec::readValueSet);
    LazySection<CodeSystemDef> codeSystems = new LazySection<>(r, PlanCodec::readCodeSystem);
    return new Plan(fhirVersion, typeUrls, definitions, valueSets, codeSystems);
  }

  /** The plan's strings, each decoded from its bytes on first use. */
  private static final class StringTable {
    private final byte[] bytes;
    private final int[] offsets;
    private final String[] decoded;

    StringTable(byte[] bytes, int[] offsets) {
      this.bytes = bytes;
      this.offsets = offsets;
      this.decoded = new String[offsets.length];
    }

    String get(int id) {
      String s = decoded[id];
      if (s == null) {
        Reader r = new Reader(bytes, offsets[id], this);
        // interned: the walkers compare plan strings with the JSON parser's property names (which
        // Jackson interns) and with constants, and equal strings that are one object compare at
        // once. A benign race: two threads may decode the same string; both store the same object
        s = r.utf().intern();
        decoded[id] = s;
      }
      return s;
    }
  }

  // ---------------------------------------------------------------- sections

  private interface EntryWriter<T> {
    void write(Writer w, T value);
  }

  private static <T> byte[] section(
      Plan.Section<T> section, Strings strings, EntryWriter<T> entries) {
    List<String> keys = new ArrayList<>(section.keys());
    keys.sort(null);
    Writer body = new Writer(strings);
    List<int[]> spans = new ArrayList<>();
    for (String key : keys) {
      T value = section.get(key);
      if (value == null) {
        throw new IllegalStateException("plan entry " + key + " is listed but absent");
      }
      int start = body.size();
      entries.write(body, value);
      spans.add(new int[] {start, body.size() - start});
    }
    Writer index = new Writer(strings);
    index.varint(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      index.string(keys.get(i));
      index.varint(spans.get(i)[0]);
      index.varint(spans.get(i)[1]);
    }
    index.varint(body.size());
    Writer all = new Writer(strings);
    all.raw(index.bytes());
    all.raw(body.bytes());
    return all.bytes();
  }

  /** A section whose entries are decoded from the plan's bytes when first asked for. */
  private static final class LazySection<T> implements Plan.Section<T> {
    private final byte[] bytes;
    private final StringTable table;
    private final int bodyStart;
    private final Map<String, int[]> index;
    private final Function<Reader, T> decoder;
    private final Map<String, T> decoded = new ConcurrentHashMap<>();

    /** Reads the section's index at {@code r}'s position and moves {@code r} past the section. */
    LazySection(Reader r, Function<Reader, T> decoder) {
      this.bytes = r.bytes;
      this.table = r.table;
      this.decoder = decoder;
      int count = r.varint();
      Map<String, int[]> idx = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        idx.put(r.string(), new int[] {r.varint(), r.varint()});
      }
      int bodyLength = r.varint();
      this.bodyStart = r.position;
      this.index = idx;
      r.position += bodyLength;
    }

    @Override
    public Set<String> keys() {
      return index.keySet();
    }

    @Override
    public @Nullable T get(String key) {
      T value = decoded.get(key);
      if (value != null) {
        return value;
      }
      int[] span = index.get(key);
      if (span == null) {
        return null;
      }
      return decoded.computeIfAbsent(
          key, k -> decoder.apply(new Reader(bytes, bodyStart + span[0], table)));
    }
  }

  // ---------------------------------------------------------------- entries

  private static void writeType(Writer w, TypeDef t) {
    w.string(t.url());
    w.optString(t.version());
    w.string(t.name());
    w.string(t.type());
    w.varint(t.kind().ordinal());
    w.bool(t.constraint());
    w.optString(t.baseDefinition());
    w.bool(t.isAbstract());
    w.optString(t.primitivePattern());
    w.varint(t.contexts().size());
    for (String c : t.contexts()) {
      w.string(c);
    }
    writeElement(w, t.root());
  }

  private static TypeDef readType(Reader r) {
    return new TypeDef(
        r.string(),
        r.optString(),
        r.string(),
        r.string(),
        TypeDef.Kind.values()[r.varint()],
        r.bool(),
        r.optString(),
        r.bool(),
        r.optString(),
        readContexts(r),
        readElement(r));
  }

  private static List<String> readContexts(Reader r) {
    int n = r.varint();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(r.string());
    }
    return out;
  }

  private static void writeElement(Writer w, ElementDef e) {
    w.string(e.id());
    w.string(e.path());
    w.varint(e.min());
    w.varint(e.max() == ElementDef.UNBOUNDED ? 0 : e.max() + 1);
    w.varint(e.types().size());
    for (TypeRef t : e.types()) {
      w.string(t.code());
      w.strings(t.profiles());
      w.strings(t.targetProfiles());
    }
    w.optString(e.contentReference());
    Binding b = e.binding();
    w.bool(b != null);
    if (b != null) {
      w.varint(b.strength().ordinal());
      w.optString(b.valueSet());
      w.optString(b.name());
    }
    w.varint(e.constraints().size());
    for (Constraint c : e.constraints()) {
      w.string(c.key());
      w.bool(c.error());
      w.string(c.human());
      w.optString(c.expression());
      w.string(c.source());
      w.bool(c.bestPractice());
    }
    writeValue(w, e.fixed());
    writeValue(w, e.pattern());
    w.bool(e.modifier());
    w.strings(e.representation());
    w.optString(e.sliceName());
    ElementDef.Slicing s = e.slicing();
    w.bool(s != null);
    if (s != null) {
      w.strings(s.discriminators());
      w.bool(s.ordered());
      w.string(s.rules());
    }
    w.varint(e.maxLength());
    writeValue(w, e.minValue());
    writeValue(w, e.maxValue());
    w.varint(e.children().size());
    for (ElementDef c : e.children()) {
      writeElement(w, c);
    }
  }

  private static ElementDef readElement(Reader r) {
    String id = r.string();
    String path = r.string();
    int min = r.varint();
    int maxPlusOne = r.varint();
    int max = maxPlusOne == 0 ? ElementDef.UNBOUNDED : maxPlusOne - 1;
    int typeCount = r.varint();
    List<TypeRef> types = new ArrayList<>(typeCount);
    for (int i = 0; i < typeCount; i++) {
      types.add(new TypeRef(r.string(), r.strings(), r.strings()));
    }
    String contentReference = r.optString();
    Binding binding =
        r.bool()
            ? new Binding(Binding.Strength.values()[r.varint()], r.optString(), r.optString())
            : null;
    int constraintCount = r.varint();
    List<Constraint> constraints = new ArrayList<>(constraintCount);
    for (int i = 0; i < constraintCount; i++) {
      constraints.add(
          new Constraint(r.string(), r.bool(), r.string(), r.optString(), r.string(), r.bool()));
    }
    FixedValue fixed = readValue(r);
    FixedValue pattern = readValue(r);
    boolean modifier = r.bool();
    List<String> representation = r.strings();
    String sliceName = r.optString();
    ElementDef.Slicing slicing =
        r.bool() ? new ElementDef.Slicing(r.strings(), r.bool(), r.string()) : null;
    int maxLength = r.varint();
    FixedValue minValue = readValue(r);
    FixedValue maxValue = readValue(r);
    int childCount = r.varint();
    List<ElementDef> children = new ArrayList<>(childCount);
    for (int i = 0; i < childCount; i++) {
      children.add(readElement(r));
    }
    return new ElementDef(
        id,
        path,
        min,
        max,
        types,
        contentReference,
        binding,
        constraints,
        fixed,
        pattern,
        modifier,
        representation,
        sliceName,
        slicing,
        maxLength,
        minValue,
        maxValue,
        children);
  }

  private static void writeValue(Writer w, @Nullable FixedValue v) {
    w.bool(v != null);
    if (v != null) {
      w.string(v.type());
      writeTree(w, v.value());
    }
  }

  private static void writeTree(Writer w, FixedValue.Value v) {
    w.optString(v.primitive());
    w.varint(v.fields().size());
    for (FixedValue.Field f : v.fields()) {
      w.string(f.name());
      writeTree(w, f.value());
    }
  }

  private static @Nullable FixedValue readValue(Reader r) {
    return r.bool() ? new FixedValue(r.string(), readTree(r)) : null;
  }

  private static FixedValue.Value readTree(Reader r) {
    String primitive = r.optString();
    int count = r.varint();
    List<FixedValue.Field> fields = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      fields.add(new FixedValue.Field(r.string(), readTree(r)));
    }
    return new FixedValue.Value(primitive, fields);
  }

  private static void writeValueSet(Writer w, ValueSetDef v) {
    w.string(v.url());
    w.optString(v.version());
    w.string(v.name());
    w.varint(v.codes().size());
    for (ValueSetDef.Code c : v.codes()) {
      w.string(c.system());
      w.string(c.code());
      w.optString(c.display());
    }
    w.optString(v.incomplete());
    w.strings(v.systems());
    w.bool(v.systemsComplete());
  }

  private static ValueSetDef readValueSet(Reader r) {
    String url = r.string();
    String version = r.optString();
    String name = r.string();
    int count = r.varint();
    List<ValueSetDef.Code> codes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      codes.add(new ValueSetDef.Code(r.string(), r.string(), r.optString()));
    }
    String incomplete = r.optString();
    List<String> systems = r.strings();
    return new ValueSetDef(url, version, name, codes, incomplete, systems, r.bool());
  }

  private static void writeCodeSystem(Writer w, CodeSystemDef c) {
    w.string(c.url());
    w.optString(c.version());
    w.string(c.name());
    w.string(c.content());
    w.bool(c.caseSensitive());
    w.varint(c.concepts().size());
    for (CodeSystemDef.Concept k : c.concepts().values()) {
      w.string(k.code());
      w.optString(k.display());
      w.strings(k.designations());
      w.strings(k.parents());
      w.bool(k.notSelectable());
      w.bool(k.inactive());
    }
  }

  private static CodeSystemDef readCodeSystem(Reader r) {
    String url = r.string();
    String version = r.optString();
    String name = r.string();
    String content = r.string();
    boolean caseSensitive = r.bool();
    int count = r.varint();
    Map<String, CodeSystemDef.Concept> concepts = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      CodeSystemDef.Concept k =
          new CodeSystemDef.Concept(
              r.string(), r.optString(), r.strings(), r.strings(), r.bool(), r.bool());
      concepts.put(k.code(), k);
    }
    return new CodeSystemDef(url, version, name, content, caseSensitive, concepts);
  }

  // ---------------------------------------------------------------- primitives

  /** The strings of a plan, each stored once. */
  private static final class Strings {
    final List<String> list = new ArrayList<>();
    final Map<String, Integer> ids = new HashMap<>();

    int id(String s) {
      Integer id = ids.get(s);
      if (id == null) {
        id = list.size();
        list.add(s);
        ids.put(s, id);
      }
      return id;
    }
  }

  private static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Strings strings;

    Writer(Strings strings) {
      this.strings = strings;
    }

    int size() {
      return out.size();
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    void raw(byte[] b) {
      out.write(b, 0, b.length);
    }

    void varint(int value) {
      int v = value;
      if (v < 0) {
        throw new IllegalArgumentException("negative: " + value);
      }
      while ((v & ~0x7F) != 0) {
        out.write((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      out.write(v);
    }

    void bool(boolean b) {
      out.write(b ? 1 : 0);
    }

    void utf(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length);
      raw(b);
    }

    void string(String s) {
      varint(strings.id(s));
    }

    void optString(@Nullable String s) {
      varint(s == null ? 0 : strings.id(s) + 1);
    }

    void strings(List<String> list) {
      varint(list.size());
      for (String s : list) {
        string(s);
      }
    }
  }

  private static final class Reader {
    final byte[] bytes;
    final StringTable table;
    int position;

    Reader(byte[] bytes, int position, StringTable table) {
      this.bytes = bytes;
      this.position = position;
      this.table = table;
    }

    int varint() {
      int value = 0;
      int shift = 0;
      while (true) {
        int b = bytes[position++] & 0xFF;
        value |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
        shift += 7;
      }
    }

    boolean bool() {
      return bytes[position++] != 0;
    }

    String utf() {
      int length = varint();
      if (length < 0 || position + length > bytes.length) {
        throw new IndexOutOfBoundsException("a string runs past the end of the plan");
      }
      String s = new String(bytes, position, length, StandardCharsets.UTF_8);
      position += length;
      return s;
    }

    String string() {
      return table.get(varint());
    }

    @Nullable String optString() {
      int id = varint();
      return id == 0 ? null : table.get(id - 1);
    }

    List<String> strings() {
      int count = varint();
      if (count == 0) {
        return List.of();
      }
      String[] out = new String[count];
      for (int i = 0; i < count; i++) {
        out[i] = string();
      }
      return List.of(out);
    }
  }
}
