package dev.taskcheck.testdata.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.testdata.mutation.CoreDefinitions.SdElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mutator's element table ({@link FhirTable}) against the core StructureDefinition snapshots
 * and code systems of each release, both ways: every element the table lists is as the snapshot has
 * it, every element of the types it lists is in the table, every required binding is named, and
 * every enumerated value set has exactly the codes of its expansion.
 */
class FhirTableTest {

  private static final Set<String> ELEMENT_BASICS = Set.of("id", "extension", "modifierExtension");

  @ParameterizedTest
  @EnumSource(Release.class)
  void tableAndSnapshotsAgreeBothWays(Release release) throws Exception {
    FhirTable table = FhirTable.of(release);
    Set<String> owners = new LinkedHashSet<>();
    table.elements().forEach(e -> owners.add(e.path().substring(0, e.path().indexOf('.'))));
    CoreDefinitions.Definitions defs =
        CoreDefinitions.load(release, owners, table.valueSets().keySet());
    assertThat(defs.structures().keySet()).containsExactlyInAnyOrderElementsOf(owners);

    List<String> problems = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Map.Entry<String, List<SdElement>> sd : defs.structures().entrySet()) {
      boolean resource = FhirTable.isResource(sd.getKey());
      for (SdElement e : sd.getValue()) {
        if (skipped(e.path(), resource)) {
          continue;
        }
        seen.add(e.path());
        FhirTable.Element t = element(table, e.path());
        if (t == null) {
          problems.add(e.path() + ": in the snapshot, not in the table");
          continue;
        }
        compare(release, e, t, problems);
      }
    }
    for (FhirTable.Element t : table.elements()) {
      if (!seen.contains(t.path())) {
        problems.add(t.path() + ": in the table, not in the snapshot");
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Release.class)
  void enumeratedValueSetsHaveTheCodesOfTheirCodeSystems(Release release) throws Exception {
    FhirTable table = FhirTable.of(release);
    CoreDefinitions.Definitions defs =
        CoreDefinitions.load(release, Set.of(), table.valueSets().keySet());
    assertThat(table.valueSets()).isNotEmpty();
    for (Map.Entry<String, List<String>> vs : table.valueSets().entrySet()) {
      assertThat(defs.valueSets().get(vs.getKey()))
          .as(vs.getKey())
          .containsExactlyInAnyOrderElementsOf(vs.getValue());
    }
  }

  /**
   * Elements every backbone element and datatype has (the table does not write them), and the root.
   */
  private static boolean skipped(String path, boolean resource) {
    int dots = path.length() - path.replace(".", "").length();
    String last = path.substring(path.lastIndexOf('.') + 1);
    return dots == 0 || (ELEMENT_BASICS.contains(last) && (dots > 1 || !resource));
  }

  private static FhirTable.Element element(FhirTable table, String path) {
    for (FhirTable.Element e : table.elements()) {
      if (e.path().equals(path)) {
        return e;
      }
    }
    return null;
  }

  private static void compare(
      Release release, SdElement e, FhirTable.Element t, List<String> problems) {
    if (e.min() != t.min() || e.max() != t.max()) {
      problems.add(
          e.path()
              + ": cardinality "
              + e.min()
              + ".."
              + e.max()
              + " in the snapshot, "
              + t.min()
              + ".."
              + t.max()
              + " in the table");
    }
    List<String> types =
        e.contentReference().isEmpty() ? e.types() : List.of(e.contentReference().substring(1));
    boolean r4ResourceId =
        release != Release.R5
            && t.path().matches("(Task|Bundle)\\.id")
            && types.equals(List.of("string"))
            && t.types().equals(List.of("id"));
    if (!types.equals(t.types()) && !r4ResourceId) {
      problems.add(
          e.path() + ": types " + types + " in the snapshot, " + t.types() + " in the table");
    }
    if (!new TreeSet<>(e.targets()).equals(new TreeSet<>(t.targets()))) {
      problems.add(
          e.path()
              + ": targets "
              + e.targets()
              + " in the snapshot, "
              + t.targets()
              + " in the table");
    }
    String required =
        e.bindingStrength().equals("required") ? CoreDefinitions.last(e.valueSet()) : "";
    if (!required.equals(t.valueSet())) {
      problems.add(
          e.path()
              + ": required binding '"
              + required
              + "' in the snapshot, '"
              + t.valueSet()
              + "' in the table");
    }
  }
}
