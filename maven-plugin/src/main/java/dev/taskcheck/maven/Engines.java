package dev.taskcheck.maven;

import java.util.Map;
import java.util.function.Function;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * The build's one engine: a single component for every execution of the plugin in a build, whatever
 * the number of modules or threads ({@code -T}). The engine's class loader, and with it the FHIR
 * definitions the library loads once per release, live as long as the plugin's class realm, which
 * Maven shares between the modules that use the same plugin version.
 */
@Named
@Singleton
public class Engines {

  private @Nullable Function<Map<String, Object>, Map<String, Object>> engine;

  /** The engine, started on first use. */
  synchronized Function<Map<String, Object>, Map<String, Object>> get(
      PluginDescriptor plugin, Log log) throws ReflectiveOperationException {
    Function<Map<String, Object>, Map<String, Object>> e = engine;
    if (e == null) {
      log.info("TaskCheck: starting the engine (one per build)");
      e = EngineLoader.load(plugin);
      engine = e;
    } else {
      log.info("TaskCheck: using the build's engine");
    }
    return e;
  }
}
