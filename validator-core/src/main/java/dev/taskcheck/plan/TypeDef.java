package dev.taskcheck.plan;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A StructureDefinition with its snapshot: a base type ({@code Task}, {@code Quantity}, {@code
 * string}), a constraint on one ({@code SimpleQuantity}, an extension definition, a profile), or a
 * logical model.
 *
 * @param url the canonical URL
 * @param version the definition's version ({@code 4.0.1}), or null
 * @param name the definition's name ({@code SimpleQuantity})
 * @param type the type it defines or constrains ({@code Quantity}; {@code Extension} for an
 *     extension)
 * @param kind primitive type, complex type, resource or logical model
 * @param constraint true when {@code derivation = constraint} (a profile of {@link #type}), false
 *     for a specialization (the base definition of {@link #type})
 * @param baseDefinition the URL of the definition this one derives from, or null for {@code
 *     Base}/{@code Element}
 * @param isAbstract whether the type is abstract ({@code Resource}, {@code DomainResource}, {@code
 *     BackboneElement})
 * @param primitivePattern for a primitive type, the regular expression its value must match (the
 *     {@code regex} extension of the value's type), or null
 * @param contexts for an extension, where it may be used: each context of the definition as {@code
 *     type:expression} ({@code element:Element}, {@code element:Task.input}); empty otherwise
 * @param root the snapshot's root element, with the tree below it
 */
public record TypeDef(
    String url,
    @Nullable String version,
    String name,
    String type,
    Kind kind,
    boolean constraint,
    @Nullable String baseDefinition,
    boolean isAbstract,
    @Nullable String primitivePattern,
    List<String> contexts,
    ElementDef root) {

  public TypeDef {
    Objects.requireNonNull(url);
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(root);
    contexts = List.copyOf(contexts);
  }

  /** What a StructureDefinition defines ({@code StructureDefinition.kind}). */
  public enum Kind {
    PRIMITIVE_TYPE,
    COMPLEX_TYPE,
    RESOURCE,
    LOGICAL;

    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Kind fromCode(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /**
   * The canonical URL with its version, as the HL7 validator names a profile ({@code url|4.0.1}).
   */
  public String versionedUrl() {
    return version == null ? url : url + "|" + version;
  }
}
