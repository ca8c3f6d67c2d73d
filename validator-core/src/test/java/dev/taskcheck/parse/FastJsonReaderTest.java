package dev.taskcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.taskcheck.TestData;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The fast JSON path against the Jackson path: for every input either the fast path gives up or its
 * tree is the Jackson path's, node for node; and it does not give up on ordinary documents.
 */
class FastJsonReaderTest {

  private static final DocumentLimits DEFAULTS = DocumentLimits.DEFAULTS;

  /** Tight budgets, so that the corpus crosses each of them somewhere. */
  private static final List<DocumentLimits> TIGHT =
      List.of(
          new DocumentLimits(4, 1_000, 5, 1_000_000),
          new DocumentLimits(100, 6, 5, 1_000_000),
          new DocumentLimits(100, 1_000, 0, 1_000_000),
          new DocumentLimits(100, 1_000, 5, 40));

  private static final JsonFactory JSON = new JsonFactory();

  /** A text and the line it starts on. */
  record Input(String what, String text, int firstLine) {}

  private static @Nullable String decode(byte[] bytes) {
    Utf8.Decoded d = Utf8.decode(bytes, 0, bytes.length, 1);
    return d.failure() == null ? d.text() : null;
  }

  private static List<Input> files(Path root, boolean ndjsonLines) {
    List<Input> inputs = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return inputs;
    }
    List<Path> paths;
    try (Stream<Path> s = Files.walk(root)) {
      paths =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.toString().contains("/target/"))
              .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path p : paths) {
      String text;
      try {
        text = decode(Files.readAllBytes(p));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (text == null) {
        continue;
      }
      String what = root.relativize(p).toString();
      inputs.add(new Input(what, text, 1));
      if (ndjsonLines && p.toString().endsWith(".ndjson")) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (!lines[i].isBlank()) {
            inputs.add(new Input(what + " line " + (i + 1), lines[i], i + 1));
          }
        }
      }
    }
    return inputs;
  }

  /**
   * The document written again by Jackson, minified or pretty-printed; null if it does not read.
   */
  private static @Nullable String rewritten(String text, boolean pretty) {
    StringWriter out = new StringWriter();
    try (JsonParser p = JSON.createParser(text);
        JsonGenerator g = JSON.createGenerator(out)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      if (p.nextToken() == null) {
        return null;
      }
      g.copyCurrentStructure(p);
    } catch (IOException e) {
      return null;
    }
    return out.toString();
  }

  private static List<Input> variants(Input in) {
    List<Input> out = new ArrayList<>();
    out.add(in);
    out.add(new Input(in.what + " crlf", in.text.replace("\n", "\r\n"), in.firstLine));
    out.add(new Input(in.what + " cr", in.text.replace("\n", "\r"), in.firstLine + 4));
    String min = rewritten(in.text, false);
    if (min != null) {
      out.add(new Input(in.what + " minified", min, in.firstLine));
    }
    String pretty = rewritten(in.text, true);
    if (pretty != null) {
      out.add(new Input(in.what + " pretty", pretty, in.firstLine));
      out.add(new Input(in.what + " pretty crlf", pretty.replace("\n", "\r\n"), 3));
      out.add(new Input(in.what + " pretty tabs", pretty.replace("  ", "\t"), 1));
    }
    return out;
  }

  /** Counts of one corpus: documents Jackson reads, and of those the fast path read. */
  private static final class Tally {
    int inputs;
    int parsed;
    int fast;
    final List<String> bailed = new ArrayList<>();

    void add(Input in, JsonTrees.Outcome o) {
      inputs++;
      if (o.jacksonParsed()) {
        parsed++;
        if (o.fast() != null) {
          fast++;
        } else if (bailed.size() < 20) {
          bailed.add(in.what);
        }
      }
    }
  }

  private static Tally run(List<Input> inputs) {
    Tally t = new Tally();
    for (Input in : inputs) {
      for (Input v : variants(in)) {
        t.add(v, JsonTrees.compare(v.text, v.firstLine, DEFAULTS, v.what));
      }
      for (DocumentLimits limits : TIGHT) {
        JsonTrees.compare(in.text, in.firstLine, limits, in.what + " " + limits);
      }
    }
    return t;
  }

  @Test
  void testdataTreesAreJacksonsAndTakeTheFastPath() {
    List<Input> inputs = files(TestData.root(), true);
    assertThat(inputs).hasSizeGreaterThan(1_000);
    Tally t = run(inputs);
    System.out.printf(
        "testdata: %d texts, %d parsed by Jackson, %d of those by the fast path; bailed on e.g. %s%n",
        t.inputs, t.parsed, t.fast, t.bailed);
    assertThat(t.parsed).isGreaterThan(5_000);
    assertThat((double) t.fast / t.parsed).as("share on the fast path").isGreaterThan(0.95);
  }

  @Test
  void sharedCorpusTreesAreJacksons() {
    // a corpus outside the repository, on the development machine; absent elsewhere
    Tally t = run(files(Path.of("/work/shared/corpus"), true));
    System.out.printf(
        "shared corpus: %d texts, %d parsed by Jackson, %d of those by the fast path; bailed on"
            + " e.g. %s%n",
        t.inputs, t.parsed, t.fast, t.bailed);
    if (t.parsed > 0) {
      assertThat((double) t.fast / t.parsed).as("share on the fast path").isGreaterThan(0.95);
    }
  }

  // hand-written cases: each must be read by the fast path (and agree), or by Jackson alone

  private static void fast(String text) {
    fast(text, 1, DEFAULTS);
  }

  private static void fast(String text, int firstLine, DocumentLimits limits) {
    JsonTrees.Outcome o = JsonTrees.compare(text, firstLine, limits, text);
    assertThat(o.fast())
        .as("taken by the fast path: %s (Jackson: %s)", text, o.jackson())
        .isNotNull();
  }

  private static void bails(String text) {
    bails(text, DEFAULTS);
  }

  private static void bails(String text, DocumentLimits limits) {
    JsonTrees.Outcome o = JsonTrees.compare(text, 1, limits, text);
    assertThat(o.fast()).as("left to Jackson: %s", text).isNull();
  }

  private static String task(String members) {
    return "{\"resourceType\":\"Task\"" + (members.isEmpty() ? "" : "," + members) + "}";
  }

  @Test
  void stringsAndEscapes() {
    fast(task("\"a\":\"\""));
    fast(task("\"a\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""));
    fast(task("\"a\":\"x\\u0041\\u00e9\\u00E9\\u20ac\\uFFFF\\u0000y\""));
    fast(task("\"a\":\"caf\u00e9 \u20ac \uD83D\uDE00 \u0130 \u007f\""));
    fast(task("\"\u00e9t\u00e9\":\"x\",\"\uD83D\uDE00\":1"));
    fast(task("\"a\":\"\\\\\",\"b\":\"\\\\u0041\""));
    fast("{\"resourceType\":\"T\\u0061sk\"}");
    bails(task("\"a\":\"\\uD83D\\uDE00\""));
    bails(task("\"a\":\"\\x41\""));
    bails(task("\"a\":\"\\'\""));
    bails(task("\"a\":\"\\u00G1\""));
    bails(task("\"a\":\"\\u00\""));
    bails(task("\"a\":\"tab\there\""));
    bails(task("\"a\":\"new\nline\""));
    bails(task("\"a\":'single'"));
    bails(task("\"a\\u0062\":1"));
    bails(task("\"a\":\"unterminated}"));
  }

  @Test
  void namesWithTheSameHashAreTold() {
    // "Aa" and "BB" have the same String hash, and so do their concatenations: the name table
    // compares the characters, not only the hash
    fast(task("\"Aa\":1,\"BB\":2,\"AaAa\":3,\"BBBB\":4,\"AaBB\":5,\"BBAa\":6"));
    fast(task("\"BB\":{\"Aa\":[{\"BB\":1,\"Aa\":2}]},\"Aa\":\"x\""));
  }

  @Test
  void numbersAndLiterals() {
    fast(
        task(
            "\"a\":[0,-0,1,-1,10,1e5,1E5,1e+5,1e-5,1.5E-3,-0.0,0.000,123456789012345678901234567890,"
                + "1.50,true,false,null]"));
    fast(task("\"a\":-0,\"b\":true,\"c\":false,\"d\":null"));
    fast(task("\"a\":" + "9".repeat(JsonTreeParser.MAX_NUMBER_LENGTH)));
    bails(task("\"a\":" + "9".repeat(JsonTreeParser.MAX_NUMBER_LENGTH + 1)));
    for (String bad :
        List.of(
            "01",
            "+1",
            ".5",
            "1.",
            "1.e5",
            "1e",
            "1e+",
            "-",
            "--1",
            "0x10",
            "NaN",
            "Infinity",
            "-Infinity",
            "1.5.3",
            "tru",
            "truex",
            "nul",
            "True",
            "1 2",
            "\"a\" \"b\"")) {
      bails(task("\"a\":" + bad));
      bails(task("\"a\":[" + bad + "]"));
    }
  }

  @Test
  void whitespaceAndLinesAsJacksonCountsThem() {
    fast("{\"resourceType\":\"Task\",\n\"a\":\n1}");
    fast("{\"resourceType\":\"Task\",\r\n\"a\":\r\n1}");
    fast("{\"resourceType\":\"Task\",\r\"a\":\r1,\r\r\n\n\"b\" :\t[ 1 ,\r\n 2 ] }");
    fast("\n\n  \t{ \"resourceType\" : \"Task\" , \"a\" : { } , \"b\" : [ { } ] }  \r\n\n");
    fast("{\"resourceType\":\"Task\",\"a\":[\r\n{\"b\":1}\r,\r\n\"c\"\n]}", 42, DEFAULTS);
    fast("  {\"resourceType\":\"Task\"}\n", 1_000_000, DEFAULTS);
    for (String odd : List.of("\u00a0", "\u000b", "\f", "\u2028", "\uFEFF", "\u0000")) {
      bails(odd + task("\"a\":1"));
      bails("{\"resourceType\":\"Task\"," + odd + "\"a\":1}");
      bails(task("\"a\":1") + odd);
    }
  }

  @Test
  void irregularStructureIsLeftToJackson() {
    bails("");
    bails("   ");
    bails("[]");
    bails("[" + task("") + "]");
    bails("\"Task\"");
    bails("{}");
    bails("{\"id\":\"x\"}");
    bails("{\"resourceType\":1}");
    bails("{\"resourceType\":null}");
    bails("{\"resourceType\":[\"Task\"]}");
    bails("{\"resourceType\":{\"a\":1}}");
    bails("{\"resourceType\":\"Task\",\"resourceType\":\"Task\"}");
    bails(task("\"contained\":[{\"resourceType\":\"A\",\"resourceType\":\"B\"}]"));
    bails(task("\"contained\":[{\"resourceType\":true}]"));
    bails(task("\"a\":1,"));
    bails(task("\"a\":1,,\"b\":2"));
    bails(task("\"a\":[1,]"));
    bails(task("\"a\":[,1]"));
    bails(task("\"a\":1 \"b\":2"));
    bails(task("\"a\" 1"));
    bails(task("a:1"));
    bails(task("\"a\":[[1,2],3]"));
    bails(task("\"a\":[[]]"));
    bails(task("\"a\":{\"b\":1"));
    bails(task("\"a\":1") + "x");
    bails(task("\"a\":1") + "{}");
    bails(task("\"a\":1") + "}");
    bails(task("\"a\":/*c*/1"));
    bails(task("\"a\":1 // c"));
    bails(task("\"a\":1 # c"));
    bails("{\"resourceType\":\"Task\"");
    bails(task("\"" + "n".repeat(JsonTreeParser.MAX_NAME_LENGTH + 1) + "\":1"));
    fast(task("\"" + "n".repeat(JsonTreeParser.MAX_NAME_LENGTH) + "\":1"));
  }

  @Test
  void notesAndNamesAsJacksonRecordsThem() {
    fast(task("\"a\":[],\"b\":[1],\"c\":[ \r\n ],\"a\":[]"));
    fast(task("\"a\":1,\"b\":2,\"a\":3,\"a\":[4,5],\"b\":{},\"c\":{\"x\":1,\"x\":2}"));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      many.append("\"k").append(i % 25).append("\":").append(i).append(',');
    }
    many.append("\"k3\":[]");
    fast(task(many.toString()));
    fast(
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Task\","
            + "\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\"}]}}],"
            + "\"contained\":{\"resourceType\":\"X\"}}");
    StringBuilder wide = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      wide.append("\"w").append(i % 70).append("\":").append(i % 3 == 0 ? "[]" : "1").append(',');
    }
    fast(task(wide.append("\"w5\":{}").toString()));
    // more distinct names than the name cache holds: evicted names are interned again
    StringBuilder distinct = new StringBuilder();
    for (int o = 0; o < 6; o++) {
      distinct.append(o == 0 ? "" : ",").append("\"o").append(o).append("\":{");
      for (int i = 0; i < 1_000; i++) {
        distinct
            .append(i == 0 ? "" : ",")
            .append("\"n")
            .append(o * 1_000 + i)
            .append("\":")
            .append(i);
      }
      distinct.append('}');
    }
    fast(task(distinct.toString()));
    fast(task(distinct.toString()));
    fast(task("\"resourceTypeX\":1,\"resourcetype\":\"a\",\"contained\":[]"));
    fast(task("\"\":1,\" \":2,\"a b\":3"));
  }

  /** An object nested {@code levels} deep in member {@code a} (the root is level 1). */
  private static String nested(int levels, boolean arrays) {
    StringBuilder b = new StringBuilder("{\"resourceType\":\"Task\"");
    for (int i = 1; i < levels; i++) {
      b.append(arrays && i % 2 == 0 ? ",\"a\":[{\"z\":0" : ",\"a\":{\"z\":0");
    }
    for (int i = levels - 1; i >= 1; i--) {
      b.append(arrays && i % 2 == 0 ? "}]" : "}");
    }
    return b.append('}').toString();
  }

  @Test
  void limitsAreLeftToJackson() {
    int max = DocumentLimits.DEFAULT_MAX_DEPTH;
    fast(nested(max, false));
    bails(nested(max + 1, false));
    fast(nested(max / 2 + 5, true));
    for (int depth = 2; depth <= 8; depth++) {
      DocumentLimits limits = DEFAULTS.withMaxDepth(depth);
      for (int levels = 1; levels <= 10; levels++) {
        for (boolean arrays : new boolean[] {false, true}) {
          String text = nested(levels, arrays);
          JsonTrees.Outcome o = JsonTrees.compare(text, 1, limits, text);
          assertThat(o.fast() != null)
              .as("depth %d, %s: the fast path reads what Jackson reads", depth, text)
              .isEqualTo(o.jacksonParsed());
        }
      }
      JsonTrees.Outcome o = JsonTrees.compare(task("\"a\":[]"), 1, limits, "empty array");
      assertThat(o.fast() != null).isEqualTo(o.jacksonParsed());
    }
    fast(task("\"a\":[]"), 1, DEFAULTS.withMaxDepth(2));
    bails(task("\"a\":{\"b\":[]}"), DEFAULTS.withMaxDepth(2));
    fast(task("\"a\":1,\"b\":2"), 1, DEFAULTS.withMaxKeysPerObject(3));
    bails(task("\"a\":1,\"b\":2,\"c\":3"), DEFAULTS.withMaxKeysPerObject(3));
    fast(task("\"a\":[1,2],\"b\":{\"c\":3}"), 1, DEFAULTS.withMaxNodes(4));
    bails(task("\"a\":[1,2],\"b\":{\"c\":3}"), DEFAULTS.withMaxNodes(3));
    fast(task("\"a\":[1,2],\"b\":{\"c\":[]},\"d\":true"), 1, DEFAULTS.withMaxNodes(4));
    bails(task("\"a\":[1,2],\"b\":{\"c\":[]},\"d\":true"), DEFAULTS.withMaxNodes(3));
    String contained =
        task("\"contained\":[{\"resourceType\":\"A\",\"contained\":{\"resourceType\":\"B\"}}]");
    fast(contained, 1, DEFAULTS.withMaxContainedDepth(2));
    bails(contained, DEFAULTS.withMaxContainedDepth(1));
    bails(contained, DEFAULTS.withMaxContainedDepth(0));
    fast(task("\"contained\":[1,\"x\",null]"), 1, DEFAULTS.withMaxContainedDepth(0));
  }

  @Test
  void longDocumentsAcrossJacksonsBuffers() {
    // Jackson reads a String over 32K characters through a Reader, in buffers
    StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"entry\":[");
    for (int i = 0; i < 3_000; i++) {
      b.append(i == 0 ? "" : ",")
          .append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "\n")
          .append(" ".repeat(i % 7))
          .append("{\"fullUrl\":\"urn:x:")
          .append(i)
          .append("\\n\\u00e9\u00e9\",\"n\":")
          .append(i * 1.5)
          .append(",\"e\":[],\"x\":[true,null,\"")
          .append("\uD83D\uDE00".repeat(i % 5))
          .append("\"]}");
    }
    String text = b.append("]}").toString();
    assertThat(text.length()).isGreaterThan(100_000);
    fast(text);
    fast(text.replace("\r", ""), 9, DEFAULTS);
  }

  @Test
  void bytesFromDocumentParserTakeTheFastPath() {
    String text = task("\"a\":\"\u00e9\"");
    ParseOutcome o = DocumentParser.parse(text.getBytes(StandardCharsets.UTF_8), 3);
    assertThat(o).isInstanceOf(ParsedDocument.class);
    JsonTrees.assertSame(
        ((ParsedDocument) JsonTreeParser.parseWithJackson(text, 3, DEFAULTS)).root(),
        ((ParsedDocument) o).root(),
        "root",
        true);
  }

  @Test
  void aShorterDocumentAfterALongerOneReadsOnlyItsOwnCharacters() {
    // the thread's buffer still holds the longer document's characters after the shorter one's
    String whole = task("\"status\":\"draft\",\"note\":[{\"text\":\"a\\u00e9b\"}]");
    for (int cut = 1; cut < whole.length(); cut++) {
      fast(whole);
      String prefix = whole.substring(0, cut);
      JsonTrees.Outcome o = JsonTrees.compare(prefix, 1, DEFAULTS, prefix);
      assertThat(o.fast()).as("a prefix is no document: %s", prefix).isNull();
    }
    // and one longer than the buffers a thread keeps, then a short one
    StringBuilder b = new StringBuilder(task("\"note\":[{\"text\":\""));
    b.setLength(b.length() - 1);
    b.append("x".repeat(FastJsonReader.KEPT_CHARS)).append("\"}]}");
    fast(b.toString());
    fast(whole);
  }
}
