package dev.taskcheck.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.parse.DocumentParser;
import dev.taskcheck.parse.Node;
import dev.taskcheck.parse.ParsedDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plans the build compiles from the core definitions, and the compiler and codec behind them.
 */
class PlanTest {

  /** The releases the build compiles a plan for. */
  static Stream<FhirRelease> planned() {
    return Plans.RELEASES.stream().sorted();
  }

  @Test
  void stu3HasNoPlanYet() {
    assertThat(Plans.exists(FhirRelease.STU3)).isFalse();
    assertThat(Plans.RELEASES)
        .containsExactlyInAnyOrder(FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5);
  }

  @ParameterizedTest
  @MethodSource("planned")
  void everyReleaseHasTaskWithItsElementsBindingsAndInvariants(FhirRelease release) {
    Plan plan = Plans.of(release);
    assertThat(plan.fhirVersion()).isEqualTo(DefinitionSources.fhirVersion(release));
    TypeDef task = plan.type("Task");
    assertThat(task).isNotNull();
    assertThat(task.kind()).isEqualTo(TypeDef.Kind.RESOURCE);
    assertThat(task.root().constraints())
        .extracting(Constraint::key)
        .contains("dom-2", "dom-3", "dom-4", "dom-5", "dom-6");
    ElementDef status = task.root().child("status");
    assertThat(status).isNotNull();
    assertThat(status.min()).isEqualTo(1);
    assertThat(status.max()).isEqualTo(1);
    assertThat(status.singleType()).isEqualTo("code");
    assertThat(status.binding()).isNotNull();
    assertThat(status.binding().strength()).isEqualTo(Binding.Strength.REQUIRED);
    ValueSetDef statuses = plan.valueSet(status.binding().valueSet());
    assertThat(statuses).isNotNull();
    assertThat(statuses.incomplete()).isNull();
    assertThat(statuses.codes())
        .extracting(ValueSetDef.Code::code)
        .contains("draft", "in-progress", "completed", "entered-in-error")
        .hasSize(12);
    ElementDef input = task.root().child("input");
    assertThat(input.max()).isEqualTo(ElementDef.UNBOUNDED);
    ElementDef value = input.child("value");
    assertThat(value.isChoice()).isTrue();
    assertThat(value.types())
        .extracting(TypeRef::code)
        .contains("string", "Quantity", "Ratio", "Reference");
    assertThat(value.constraints()).extracting(Constraint::key).contains("ele-1");
  }

  @Test
  void primitivesCarryTheirPatternAndDatatypesTheirInvariants() {
    Plan plan = Plans.of(FhirRelease.R4);
    assertThat(plan.type("date").primitivePattern()).startsWith("([0-9]([0-9]([0-9][1-9]");
    assertThat(plan.type("date").kind()).isEqualTo(TypeDef.Kind.PRIMITIVE_TYPE);
    TypeDef ratio = plan.type("Ratio");
    assertThat(ratio.root().constraints()).extracting(Constraint::key).contains("rat-1", "ele-1");
    TypeDef simple = plan.definition("http://hl7.org/fhir/StructureDefinition/SimpleQuantity");
    assertThat(simple.constraint()).isTrue();
    assertThat(simple.type()).isEqualTo("Quantity");
    assertThat(plan.type("Reference").root().child("reference").singleType()).isEqualTo("string");
  }

  @Test
  void taskCheckProfilesAreCompiledWithTheirInvariants() {
    for (FhirRelease release : Plans.RELEASES) {
      TypeDef profile =
          Plans.of(release)
              .definition("https://taskcheck.dev/fhir/StructureDefinition/taskcheck-task");
      assertThat(profile).as(release.code()).isNotNull();
      assertThat(profile.constraint()).isTrue();
      assertThat(profile.root().constraints())
          .extracting(Constraint::key)
          .contains("status-1", "failure-2");
    }
  }

  @Test
  void aValueSetOverAnUnknownOrNotPresentSystemIsMarkedIncomplete() {
    ValueSetDef performerRole =
        Plans.of(FhirRelease.R4).valueSet("http://hl7.org/fhir/ValueSet/performer-role");
    assertThat(performerRole.incomplete()).contains("http://snomed.info/sct");
  }

  @Test
  void versionedUrlsResolveOnlyToTheirVersion() {
    Plan plan = Plans.of(FhirRelease.R4);
    assertThat(plan.definition("http://hl7.org/fhir/StructureDefinition/Task|4.0.1")).isNotNull();
    assertThat(plan.definition("http://hl7.org/fhir/StructureDefinition/Task|5.0.0")).isNull();
  }

  @Test
  void theCodecWritesWhatItReadsAndTheSameBytesTwice() {
    PlanCompiler compiler = new PlanCompiler();
    compiler.add(
        parse(
            """
        {"resourceType": "CodeSystem", "url": "http://x/cs", "name": "X", "content": "complete",
         "concept": [{"code": "a", "display": "A", "concept": [{"code": "a1"}]}, {"code": "b"}]}"""));
    compiler.add(
        parse(
            """
        {"resourceType": "ValueSet", "url": "http://x/vs", "name": "XS",
         "compose": {"include": [{"system": "http://x/cs", "filter": [{"property": "concept", "op": "is-a",
         "value": "a"}]}]}}"""));
    compiler.add(
        parse(
            """
        {"resourceType": "StructureDefinition", "url": "http://x/sd", "name": "Thing", "type": "Thing",
         "kind": "resource", "derivation": "specialization", "abstract": false,
         "snapshot": {"element": [
           {"id": "Thing", "path": "Thing", "min": 0, "max": "*",
            "constraint": [{"key": "t-1", "severity": "warning", "human": "h", "expression": "a.exists()",
                            "source": "http://x/sd"}]},
           {"id": "Thing.a", "path": "Thing.a", "min": 1, "max": "1", "type": [{"code": "code"}],
            "binding": {"strength": "required", "valueSet": "http://x/vs"}, "fixedCode": "a1"},
           {"id": "Thing.b", "path": "Thing.b", "min": 0, "max": "*", "type": [{"code": "BackboneElement"}]},
           {"id": "Thing.b.c", "path": "Thing.b.c", "min": 0, "max": "1",
            "type": [{"code": "Reference", "targetProfile": ["http://hl7.org/fhir/StructureDefinition/Patient"]}],
            "patternCodeableConcept": {"coding": [{"system": "http://x/cs", "code": "b"}]}}]}}"""));
    Plan plan = compiler.compile("9.9.9");
    assertThat(compiler.problems()).isEmpty();
    assertThat(plan.valueSet("http://x/vs").codes())
        .extracting(ValueSetDef.Code::code)
        .containsExactly("a", "a1");
    byte[] bytes = PlanCodec.toBytes(plan);
    assertThat(PlanCodec.toBytes(plan)).isEqualTo(bytes);
    Plan read = PlanCodec.read(bytes);
    assertThat(read.fhirVersion()).isEqualTo("9.9.9");
    assertThat(read.type("Thing")).isEqualTo(plan.type("Thing"));
    assertThat(read.valueSet("http://x/vs")).isEqualTo(plan.valueSet("http://x/vs"));
    assertThat(read.codeSystem("http://x/cs")).isEqualTo(plan.codeSystem("http://x/cs"));
    ElementDef c = read.type("Thing").root().child("b").child("c");
    assertThat(c.types().get(0).targetProfiles())
        .containsExactly("http://hl7.org/fhir/StructureDefinition/Patient");
    assertThat(c.pattern().type()).isEqualTo("CodeableConcept");
    assertThat(read.type("Thing").root().child("a").fixed())
        .isEqualTo(new FixedValue("code", FixedValue.Value.of("a1")));
    assertThat(read.type("Thing").root().constraints().get(0).error()).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> PlanCodec.read(new byte[] {0, 1, 2}));
  }

  @Test
  void aStructureDefinitionWithoutSnapshotIsAProblemNotAGuess() {
    PlanCompiler compiler =
        new PlanCompiler()
            .add(
                parse(
                    """
        {"resourceType": "StructureDefinition", "url": "http://x/diff", "name": "D", "type": "Task",
         "kind": "resource", "derivation": "constraint", "differential": {"element": [{"path": "Task"}]}}"""));
    Plan plan = compiler.compile("4.0.1");
    assertThat(plan.definition("http://x/diff")).isNull();
    assertThat(compiler.problems())
        .singleElement()
        .asString()
        .contains("http://x/diff", "no snapshot");
  }

  @Test
  void parentIdsFollowSlicesAndChoices() {
    assertThat(PlanCompiler.parentId("Task.input.type")).isEqualTo("Task.input");
    assertThat(PlanCompiler.parentId("Task.extension:foo")).isEqualTo("Task");
    assertThat(PlanCompiler.parentId("Task.extension:foo.url")).isEqualTo("Task.extension:foo");
    assertThat(PlanCompiler.parentId("Task")).isNull();
  }

  @Test
  void tarGzReadsRegularFilesAndLongNames() throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    String longName = "package/" + "x".repeat(120) + ".json";
    writeEntry(
        tar, "PaxHeader", 'x', ("30 path=" + longName + "\n").getBytes(StandardCharsets.UTF_8));
    writeEntry(tar, "package/short", '0', "{}".getBytes(StandardCharsets.UTF_8));
    writeEntry(tar, "package/a.json", '0', "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    Map<String, byte[]> files = TarGz.read(gzipped(tar), n -> true);
    assertThat(files.keySet()).containsExactly(longName, "package/a.json");
    assertThat(new String(files.get("package/a.json"), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":1}");
  }

  /**
   * GNU tar writes a name longer than 100 bytes as a {@code ././@LongLink} entry of type L before
   * the file, and its headers carry GNU's magic, with other fields where ustar has the name prefix.
   */
  @Test
  void tarGzReadsGnuLongNames() throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    String longName = "package/StructureDefinition-" + "y".repeat(110) + ".json";
    byte[] nameBytes = (longName + "\0").getBytes(StandardCharsets.UTF_8);
    writeEntry(tar, "././@LongLink", 'L', nameBytes, true);
    writeEntry(
        tar, longName.substring(0, 100), '0', "{\"b\":2}".getBytes(StandardCharsets.UTF_8), true);
    writeEntry(tar, "package/package.json", '0', "{}".getBytes(StandardCharsets.UTF_8), true);
    Map<String, byte[]> files = TarGz.read(gzipped(tar), n -> true);
    assertThat(files.keySet()).containsExactly(longName, "package/package.json");
    assertThat(new String(files.get(longName), StandardCharsets.UTF_8)).isEqualTo("{\"b\":2}");
  }

  private static void writeEntry(
      ByteArrayOutputStream tar, String name, char type, byte[] content) {
    writeEntry(tar, name, type, content, false);
  }

  /** The archive ended (two zero blocks) and gzip-compressed. */
  private static java.io.InputStream gzipped(ByteArrayOutputStream tar) throws IOException {
    tar.write(new byte[1024]);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(tar.toByteArray());
    }
    return new java.io.ByteArrayInputStream(gz.toByteArray());
  }

  /** A tar entry; {@code gnu}: GNU's magic, and a time stamp where ustar has the name prefix. */
  private static void writeEntry(
      ByteArrayOutputStream tar, String name, char type, byte[] content, boolean gnu) {
    byte[] header = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(n, 0, header, 0, n.length);
    byte[] size = String.format("%011o", content.length).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(size, 0, header, 124, size.length);
    header[156] = (byte) type;
    if (gnu) {
      byte[] magic = "ustar  \0".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(magic, 0, header, 257, magic.length);
      byte[] atime = "14721062512\0".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(atime, 0, header, 345, atime.length);
    }
    tar.write(header, 0, 512);
    tar.write(content, 0, content.length);
    int pad = (512 - content.length % 512) % 512;
    tar.write(new byte[pad], 0, pad);
  }

  private static Node parse(String json) {
    return ((ParsedDocument) DocumentParser.parseText(json, 1)).root();
  }

  @SuppressWarnings("unused")
  private static List<String> ids(ElementDef e) {
    return e.children().stream().map(ElementDef::id).toList();
  }
}
