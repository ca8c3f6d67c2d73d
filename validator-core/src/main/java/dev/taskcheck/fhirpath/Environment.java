package dev.taskcheck.fhirpath;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an evaluation may reach beyond its input: external constants ({@code %name}), the clock of
 * {@code now()}, {@code today()} and {@code timeOfDay()}, and the caller's hooks. Immutable; build
 * one per run and share it between threads (the hooks must then be thread-safe).
 *
 * <p>Built-in constants, always defined and never overridden: {@code %context}, {@code %resource},
 * {@code %rootResource} (from the evaluation), {@code %ucum}, {@code %sct}, {@code %loinc}, {@code
 * %`vs-name`} ({@code http://hl7.org/fhir/ValueSet/name}) and {@code %`ext-name`} ({@code
 * http://hl7.org/fhir/StructureDefinition/name}). Any other {@code %name} must be supplied with
 * {@link Builder#constant}; an undefined one is an evaluation error.
 */
public final class Environment {

  /**
   * {@code resolve()}: the resource a reference points at. {@code reference} is the reference text
   * (a Reference's {@code reference}, or a uri/canonical/string value); {@code resource} and {@code
   * rootResource} are the evaluation's {@code %resource} and {@code %rootResource}. Return the
   * resource node (a contained resource, a Bundle entry's resource, or one the caller fetched from
   * its own store), or null when the reference cannot be resolved: that item is then left out of
   * the result, as FHIR says. {@link #LOCAL} resolves {@code #id} to a contained resource and, in a
   * Bundle, {@code fullUrl}s and {@code Type/id} to entries; it is the default.
   */
  @FunctionalInterface
  public interface Resolver {
    @Nullable FhirNode resolve(
        String reference, @Nullable FhirNode resource, @Nullable FhirNode rootResource);

    /**
     * Contained resources ({@code #id}) and Bundle entries ({@code fullUrl}, {@code Type/id}) only.
     */
    Resolver LOCAL = LocalReferences::resolve;
  }

  /**
   * {@code memberOf(valueSet)}: whether a code ({@code item} is a {@code code}/{@code
   * string}/{@code uri} node or a String, a {@code Coding} or a {@code CodeableConcept} node) is in
   * the value set with this canonical URL. Return null when it cannot be known (unknown value set,
   * no expansion): the result is then empty. The default knows no value set.
   */
  @FunctionalInterface
  public interface Terminology {
    @Nullable Boolean memberOf(Object item, String valueSet);
  }

  /**
   * {@code conformsTo(profile)}: whether a resource or element conforms to the StructureDefinition
   * with this canonical URL. Return null when the profile is unknown: that is an evaluation error.
   * The default answers for the core definitions ({@code
   * http://hl7.org/fhir/StructureDefinition/Type}) by the node's type (and its bases) and knows no
   * other profile.
   */
  @FunctionalInterface
  public interface Profiles {
    @Nullable Boolean conformsTo(FhirNode node, String profile, FhirModel model);
  }

  /**
   * {@code htmlChecks()}: whether an {@code xhtml} node (Narrative.div) holds only the XHTML FHIR
   * allows (no scripts, forms, event attributes, ...; see the FHIR narrative rules). Return null
   * when it cannot be checked (the result is then empty). The default cannot check.
   */
  @FunctionalInterface
  public interface HtmlChecks {
    @Nullable Boolean check(FhirNode div);
  }

  /** {@code trace(name)}: receives the name and the traced items. The default ignores them. */
  @FunctionalInterface
  public interface Tracer {
    void trace(String name, List<Object> items);
  }

  private static final Environment DEFAULT = builder().build();

  private final Map<String, Coll> constants;
  private final Clock clock;
  private final Resolver resolver;
  private final Terminology terminology;
  private final Profiles profiles;
  private final HtmlChecks html;
  private final Tracer tracer;

  private Environment(Builder b) {
    this.constants = Map.copyOf(b.constants);
    this.clock = b.clock;
    this.resolver = b.resolver;
    this.terminology = b.terminology;
    this.profiles = b.profiles;
    this.html = b.html;
    this.tracer = b.tracer;
  }

  /** No external constants, the system clock, the default hooks. */
  public static Environment defaults() {
    return DEFAULT;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Nullable Coll constant(String name) {
    return constants.get(name);
  }

  Clock clock() {
    return clock;
  }

  Resolver resolver() {
    return resolver;
  }

  Terminology terminology() {
    return terminology;
  }

  Profiles profiles() {
    return profiles;
  }

  HtmlChecks html() {
    return html;
  }

  Tracer tracer() {
    return tracer;
  }

  /** The default {@code conformsTo}: core StructureDefinition URLs by type. */
  static @Nullable Boolean coreProfiles(FhirNode node, String profile, FhirModel model) {
    String prefix = "http://hl7.org/fhir/StructureDefinition/";
    if (!profile.startsWith(prefix)) {
      return null;
    }
    String type = profile.substring(prefix.length());
    if (!model.isType(type)) {
      return null;
    }
    return model.isSubtype(node.typeName(), type);
  }

  /** Builds an {@link Environment}. */
  public static final class Builder {
    private final Map<String, Coll> constants = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private Resolver resolver = Resolver.LOCAL;
    private Terminology terminology = (item, valueSet) -> null;
    private Profiles profiles = Environment::coreProfiles;
    private HtmlChecks html = div -> null;
    private Tracer tracer = (name, items) -> {};

    private Builder() {}

    /**
     * Defines {@code %name} as these items: {@link FhirNode}s or system values (Boolean, Integer,
     * Long, BigDecimal, String, {@link DateTimeValue}, {@link QuantityValue}).
     */
    public Builder constant(String name, List<?> items) {
      Objects.requireNonNull(name);
      for (Object item : items) {
        Values.checkItem(item);
      }
      constants.put(name, Coll.of(items));
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder resolver(Resolver resolver) {
      this.resolver = Objects.requireNonNull(resolver);
      return this;
    }

    public Builder terminology(Terminology terminology) {
      this.terminology = Objects.requireNonNull(terminology);
      return this;
    }

    public Builder profiles(Profiles profiles) {
      this.profiles = Objects.requireNonNull(profiles);
      return this;
    }

    public Builder htmlChecks(HtmlChecks html) {
      this.html = Objects.requireNonNull(html);
      return this;
    }

    public Builder tracer(Tracer tracer) {
      this.tracer = Objects.requireNonNull(tracer);
      return this;
    }

    public Environment build() {
      return new Environment(this);
    }
  }
}
