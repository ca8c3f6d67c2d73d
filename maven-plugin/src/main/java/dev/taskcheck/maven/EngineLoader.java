package dev.taskcheck.maven;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * Maven 3.9 gives plugins its own SLF4J 1.7 API, and HAPI FHIR needs SLF4J 2: the engine cannot run
 * in the plugin's class realm. It runs in a class loader of its own, holding the plugin's jars,
 * whose parent is the platform class loader (the JDK only), and is called through JDK types ({@link
 * IsolatedRun}).
 */
final class EngineLoader {

  private EngineLoader() {}

  /**
   * The engine entry point, loaded in a new isolated class loader built from the plugin's own jars:
   * all of its resolved dependencies, including the SLF4J API that Maven keeps out of the plugin
   * realm.
   */
  @SuppressWarnings("unchecked")
  static Function<Map<String, Object>, Map<String, Object>> load(PluginDescriptor plugin)
      throws ReflectiveOperationException {
    List<URL> urls = new ArrayList<>();
    try {
      urls.add(plugin.getPluginArtifact().getFile().toURI().toURL());
      for (Artifact a : plugin.getArtifacts()) {
        if (a.getFile() != null) {
          urls.add(a.getFile().toURI().toURL());
        }
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException("cannot list the plugin's jars: " + e.getMessage(), e);
    }
    URL[] jars = urls.toArray(URL[]::new);
    ClassLoader isolated =
        new URLClassLoader("taskcheck-engine", jars, ClassLoader.getPlatformClassLoader());
    Class<?> run = Class.forName(IsolatedRun.class.getName(), true, isolated);
    Function<Map<String, Object>, Map<String, Object>> engine =
        (Function<Map<String, Object>, Map<String, Object>>)
            run.getDeclaredConstructor().newInstance();
    // HAPI finds its cache provider with ServiceLoader through the context class loader: it must be
    // the
    // isolated one while the engine runs (threads the engine starts inherit it)
    return request -> {
      Thread t = Thread.currentThread();
      ClassLoader previous = t.getContextClassLoader();
      t.setContextClassLoader(isolated);
      try {
        return engine.apply(request);
      } finally {
        t.setContextClassLoader(previous);
      }
    };
  }
}
