package dev.taskcheck.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.TestData;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What a run really loads: TaskCheck is loaded afresh in a class loader that records every
 * TaskCheck, HAPI and HL7 class it defines. With the fast engine (and with {@code auto} on a
 * document the fast engine covers) validating a Task and checking a transition load no HAPI or HL7
 * class; the reference engine does load them, which shows the recording works.
 */
class FastPathClassLoadingTest {

  /** Child-first for TaskCheck's, HAPI's and HL7's classes, so that each is defined here. */
  private static final class Recording extends URLClassLoader {
    final Set<String> defined = ConcurrentHashMap.newKeySet();

    Recording(URL[] urls) {
      super(urls, FastPathClassLoadingTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!(name.startsWith("dev.taskcheck.")
          || name.startsWith("ca.uhn.")
          || name.startsWith("org.hl7."))) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
          defined.add(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }

  private static URL[] classPath() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    @SuppressWarnings("StringSplitter") // no empty entries to keep
    String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
    for (String entry : entries) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return urls.toArray(URL[]::new);
  }

  /** Runs validateText and checkTransition with {@code engine}; the classes defined on the way. */
  private static Set<String> run(String engine) throws Exception {
    String task = Files.readString(TestData.path("fixtures/structure/valid-r4.json"));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (Recording loader = new Recording(classPath())) {
      // HAPI finds its cache provider through the context class loader
      thread.setContextClassLoader(loader);
      Class<?> facade = loader.loadClass("dev.taskcheck.TaskCheck");
      Object builder = facade.getMethod("builder").invoke(null);
      builder.getClass().getMethod("engine", String.class).invoke(builder, engine);
      builder.getClass().getMethod("fhirVersion", String.class).invoke(builder, "R4");
      Object taskCheck = builder.getClass().getMethod("build").invoke(builder);
      List<?> results =
          (List<?>)
              facade
                  .getMethod("validateText", String.class, String.class)
                  .invoke(taskCheck, task, "task.json");
      assertThat(results).isNotEmpty();
      facade.getMethod("checkTransition", String.class, String.class).invoke(taskCheck, task, task);
      return Set.copyOf(loader.defined);
    } catch (IOException e) {
      throw new AssertionError(e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static List<String> hapi(Set<String> classes) {
    return classes.stream()
        .filter(c -> c.startsWith("ca.uhn.") || c.startsWith("org.hl7."))
        .sorted()
        .toList();
  }

  @Test
  void theFastEngineLoadsNoHapiClass() throws Exception {
    Set<String> loaded = run("fast");
    assertThat(loaded).contains("dev.taskcheck.engine.fast.FastEngine");
    assertThat(hapi(loaded)).isEmpty();
  }

  @Test
  void autoLoadsNoHapiClassForADocumentTheFastEngineCovers() throws Exception {
    Set<String> loaded = run("auto");
    assertThat(loaded).contains("dev.taskcheck.engine.fast.FastEngine");
    assertThat(hapi(loaded)).isEmpty();
  }

  @Test
  void theReferenceEngineDoesLoadThem() throws Exception {
    assertThat(hapi(run("reference"))).isNotEmpty();
  }
}
