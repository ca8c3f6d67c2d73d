package dev.taskcheck.junit;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.RuleSet;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link TaskChecker} parameters from the {@link TaskCheckTest} configuration of the test
 * class (or an enclosing one), building each configuration's checker once per test run in the root
 * context's store.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class TaskCheckExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TaskCheckExtension.class);

  /** The key of the checker without {@link TaskCheckTest} (the extension registered alone). */
  private static final String DEFAULTS = "defaults";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TaskChecker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Optional<TaskCheckTest> settings = settings(context);
    Object key = settings.isPresent() ? settings.get() : DEFAULTS;
    // annotations are equal when their values are: classes with the same settings share a checker
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(key, k -> build(settings.orElse(null)), TaskChecker.class);
  }

  private static Optional<TaskCheckTest> settings(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      Optional<AnnotatedElement> element = c.get().getElement();
      if (element.isPresent() && element.get() instanceof Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
          Optional<TaskCheckTest> found = AnnotationSupport.findAnnotation(t, TaskCheckTest.class);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static TaskChecker build(@Nullable TaskCheckTest s) {
    if (s == null) {
      return TaskChecker.defaults();
    }
    try {
      // checked once here, so that a wrong setting fails with its name rather than on first use
      return TaskChecker.configuredBy(() -> builder(s));
    } catch (IllegalArgumentException e) {
      throw new ParameterResolutionException("@TaskCheckTest: " + e.getMessage(), e);
    }
  }

  private static TaskCheck.Builder builder(TaskCheckTest s) {
    TaskCheck.Builder b = TaskCheck.builder().threads(1).engine(s.engine());
    if (!s.fhirVersion().isEmpty()) {
      b.fhirVersion(s.fhirVersion());
    }
    if (!s.ruleSet().isEmpty()) {
      b.ruleSet(RuleSet.fromCode(s.ruleSet()));
    }
    for (String r : s.rules()) {
      b.rule(r);
    }
    for (String ig : s.igs()) {
      b.ig(ig);
    }
    for (String p : s.profiles()) {
      b.profile(p);
    }
    for (String f : s.ruleFiles()) {
      b.ruleFile(Path.of(f));
    }
    if (!s.now().isEmpty()) {
      try {
        b.now(Instant.parse(s.now()));
      } catch (DateTimeParseException e) {
        throw new ExtensionConfigurationException(
            "@TaskCheckTest(now = \"" + s.now() + "\") is not an ISO-8601 instant", e);
      }
    }
    return b;
  }
}
