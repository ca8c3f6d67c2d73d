package dev.taskcheck.profiles;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Fails every outbound connection of this module's test JVM (registered as a JUnit launcher session
 * listener, so it is in place before the first test): classic sockets, and everything that asks the
 * default proxy selector first ({@code HttpURLConnection}, {@code java.net.http.HttpClient}).
 * {@link #attempts()} lets tests assert that nothing tried.
 */
public final class NoNetwork implements LauncherSessionListener {

  private static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();
  private static volatile boolean installed;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    install();
  }

  static List<String> attempts() {
    return List.copyOf(ATTEMPTS);
  }

  static boolean installed() {
    return installed;
  }

  private static IllegalStateException attempt(String what) {
    ATTEMPTS.add(what);
    return new IllegalStateException("network access attempted in a test: " + what);
  }

  @SuppressWarnings(
      "deprecation") // Socket.setSocketImplFactory: the one JVM-wide hook for classic sockets
  private static synchronized void install() {
    if (installed) {
      return;
    }
    ProxySelector.setDefault(
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            throw attempt("proxy selection for " + uri);
          }

          @Override
          public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
    try {
      Socket.setSocketImplFactory(
          () -> {
            throw attempt("a java.net.Socket was created");
          });
    } catch (IOException e) {
      throw new IllegalStateException("cannot install the network guard", e);
    }
    installed = true;
  }
}
