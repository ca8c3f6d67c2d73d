package dev.taskcheck.engine;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_14_50;
import org.hl7.fhir.dstu2016may.formats.XmlParser;
import org.hl7.fhir.dstu2016may.model.Bundle;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.Enumerations;
import org.hl7.fhir.r5.model.Resource;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The FHIR 1.4.0 core definitions, for the reference engine: the May 2016 ballot's
 * StructureDefinitions, ValueSets and CodeSystems as HAPI ships them offline ({@code
 * hapi-fhir-validation-resources-dstu2.1}, HL7's {@code dstu2016may} model), converted to R5 with
 * HL7's 1.4.0 converter, as the HL7 validator does for {@code -version 1.4.0}. HAPI's own 1.4.0
 * support ({@code FhirContext.forDstu2_1()}) cannot check a code against a value set (its
 * terminology services refuse the version), so TaskCheck validates 1.4.0 in an R5 context holding
 * these definitions instead of R5's.
 *
 * <p>Three things the 1.4.0 files lack, which the R5 validator needs, are mended here:
 *
 * <ul>
 *   <li>elements have no {@code id}: each gets its path, as R4 and later write it;
 *   <li>the inherited elements of resources and types give {@code base.max = *} where the element
 *       is single ({@code Resource.id}): the R5 parser would then want a JSON array for {@code id};
 *       in the core specializations the base cardinality is the element's own;
 *   <li>there is no StructureDefinition for {@code xhtml}, so the parser would take {@code
 *       Narrative.div} for an object: a minimal primitive-type definition is added.
 * </ul>
 */
final class Fhir140Definitions {

  private static final String FOLDER = "org/hl7/fhir/dstu2016may/model/";

  /** The spec's bundles Task validation reads: datatypes, resources, value sets, code systems. */
  private static final List<String> BUNDLES =
      List.of(
          "profile/profiles-types.xml",
          "profile/profiles-resources.xml",
          "valueset/valuesets.xml",
          "valueset/v3-codesystems.xml");

  private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";

  private Fhir140Definitions() {}

  /** The 1.4.0 core definitions, converted to R5, in a support for {@code r5}. */
  static PrePopulatedValidationSupport load(FhirContext r5) {
    PrePopulatedValidationSupport out = new PrePopulatedValidationSupport(r5);
    ClassLoader loader = Fhir140Definitions.class.getClassLoader();
    for (String name : BUNDLES) {
      for (Bundle.BundleEntryComponent e : read(loader, FOLDER + name).getEntry()) {
        org.hl7.fhir.dstu2016may.model.Resource r = e.getResource();
        if (r == null || !wanted(r.fhirType())) {
          continue;
        }
        Resource converted = VersionConvertorFactory_14_50.convertResource(r);
        if (converted instanceof StructureDefinition sd) {
          mend(sd);
        }
        out.addResource(converted);
      }
    }
    out.addResource(xhtml());
    return out;
  }

  private static boolean wanted(String type) {
    return type.equals("StructureDefinition")
        || type.equals("ValueSet")
        || type.equals("CodeSystem");
  }

  private static Bundle read(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            path + " is not on the class path (is hapi-fhir-validation-resources-dstu2.1 on it?)");
      }
      return (Bundle) new XmlParser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** Element ids, and the base cardinality of inherited elements (see the class comment). */
  private static void mend(StructureDefinition sd) {
    boolean core = sd.getDerivation() != StructureDefinition.TypeDerivationRule.CONSTRAINT;
    for (List<ElementDefinition> elements :
        List.of(sd.getSnapshot().getElement(), sd.getDifferential().getElement())) {
      for (ElementDefinition ed : elements) {
        if (!ed.hasId()) {
          ed.setId(ed.getPath());
        }
      }
    }
    for (ElementDefinition ed : sd.getSnapshot().getElement()) {
      if (!ed.hasBase()) {
        ed.getBase().setPath(ed.getPath()).setMin(ed.getMin()).setMax(ed.getMax());
      } else if (core && ed.hasMax()) {
        ed.getBase().setMax(ed.getMax());
      }
    }
  }

  /** A primitive type {@code xhtml} as R5 defines it, in the parts the validator reads. */
  private static StructureDefinition xhtml() {
    StructureDefinition sd = new StructureDefinition();
    sd.setId("xhtml");
    sd.setUrl(CORE + "xhtml");
    sd.setName("xhtml");
    sd.setVersion("1.4.0");
    sd.setStatus(Enumerations.PublicationStatus.ACTIVE);
    sd.setFhirVersion(Enumerations.FHIRVersion._1_4_0);
    sd.setKind(StructureDefinition.StructureDefinitionKind.PRIMITIVETYPE);
    sd.setAbstract(false);
    sd.setType("xhtml");
    sd.setBaseDefinition(CORE + "Element");
    sd.setDerivation(StructureDefinition.TypeDerivationRule.SPECIALIZATION);
    List<ElementDefinition> snapshot = sd.getSnapshot().getElement();
    snapshot.add(element("xhtml", 0, "*", null));
    snapshot.add(element("xhtml.id", 0, "1", "http://hl7.org/fhirpath/System.String"));
    snapshot.add(element("xhtml.extension", 0, "0", "Extension"));
    ElementDefinition value =
        element("xhtml.value", 0, "1", "http://hl7.org/fhirpath/System.String");
    value.addRepresentation(ElementDefinition.PropertyRepresentation.XMLATTR);
    snapshot.add(value);
    return sd;
  }

  private static ElementDefinition element(
      String path, int min, String max, @Nullable String type) {
    ElementDefinition ed = new ElementDefinition(path);
    ed.setId(path);
    ed.setMin(min);
    ed.setMax(max);
    ed.getBase().setPath(path).setMin(min).setMax(max);
    if (type != null) {
      ed.addType().setCode(type);
    }
    return ed;
  }
}
