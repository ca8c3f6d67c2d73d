package dev.taskcheck.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules' messages, {@code <rule id>.<key>=text with {0} arguments}, from {@code
 * messages.properties} next to this class (UTF-8). Tests never repeat message text; a catalog test
 * checks every rule has messages.
 */
public final class RuleMessages {

  private static final Properties MESSAGES = load();

  /**
   * Parsed patterns, one set per thread (a MessageFormat is not thread-safe), so that a finding
   * neither parses its message again nor copies a parsed one: a copy per finding was most of a rule
   * finding's cost.
   */
  private static final ThreadLocal<Map<String, MessageFormat>> FORMATS =
      ThreadLocal.withInitial(HashMap::new);

  /**
   * A plug-in rule's messages: the {@code messages.properties} in its class's package, read once
   * per class.
   */
  private static final ClassValue<Properties> PLUGIN_MESSAGES =
      new ClassValue<>() {
        @Override
        protected Properties computeValue(Class<?> type) {
          Properties p = new Properties();
          try (InputStream in = type.getResourceAsStream("messages.properties")) {
            if (in != null) {
              p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return p;
        }
      };

  private RuleMessages() {}

  /**
   * True for a rule class of TaskCheck's own, whose messages are in this bundle; a plug-in's rule
   * keeps its messages in the {@code messages.properties} of its own package.
   */
  public static boolean isBuiltIn(Class<?> ruleClass) {
    return ruleClass.getName().startsWith("dev.taskcheck.rules.");
  }

  /**
   * The formatted message of a rule of any class: a built-in rule's from this bundle, a plug-in
   * rule's from its own ({@code <its package>/messages.properties}, the same {@code <rule
   * id>.<key>} form).
   */
  public static String format(
      Class<?> ruleClass, String ruleId, String key, @Nullable Object... args) {
    if (isBuiltIn(ruleClass)) {
      return format(ruleId, key, args);
    }
    String pattern = PLUGIN_MESSAGES.get(ruleClass).getProperty(ruleId + "." + key);
    if (pattern == null) {
      return ruleId + "." + key + " (no message)";
    }
    return new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  /** True when the rule class's bundle has {@code <ruleId>.<key>}. */
  public static boolean has(Class<?> ruleClass, String ruleId, String key) {
    return isBuiltIn(ruleClass)
        ? has(ruleId, key)
        : PLUGIN_MESSAGES.get(ruleClass).containsKey(ruleId + "." + key);
  }

  /**
   * The formatted message, or an explicit placeholder naming the missing key (a catalog test
   * forbids that).
   */
  public static String format(String ruleId, String key, @Nullable Object... args) {
    String id = ruleId + "." + key;
    Map<String, MessageFormat> formats = FORMATS.get();
    MessageFormat parsed = formats.get(id);
    if (parsed == null) {
      String pattern = MESSAGES.getProperty(id);
      if (pattern == null) {
        return id + " (no message)";
      }
      parsed = new MessageFormat(pattern, Locale.ROOT);
      formats.put(id, parsed);
    }
    return parsed.format(args);
  }

  /** True when the bundle has {@code <ruleId>.<key>}. */
  public static boolean has(String ruleId, String key) {
    return MESSAGES.containsKey(ruleId + "." + key);
  }

  /** Every key of the bundle. */
  public static Set<String> keys() {
    return MESSAGES.stringPropertyNames();
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = RuleMessages.class.getResourceAsStream("messages.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "dev/taskcheck/rules/messages.properties is missing from the class path");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
