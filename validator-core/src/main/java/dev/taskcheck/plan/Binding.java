package dev.taskcheck.plan;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A terminology binding ({@code ElementDefinition.binding}).
 *
 * @param valueSet the value set's canonical URL, possibly with {@code |version}; null when the
 *     binding names none
 * @param name the binding's name ({@code elementdefinition-bindingName}), for messages; null when
 *     absent
 */
public record Binding(Strength strength, @Nullable String valueSet, @Nullable String name) {

  /** How strongly a coded element is bound to its value set. */
  public enum Strength {
    REQUIRED,
    EXTENSIBLE,
    PREFERRED,
    EXAMPLE;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Strength fromCode(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }
}
