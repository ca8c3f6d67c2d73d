package dev.taskcheck;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes every outbound connection attempt in the test JVM fail loudly and records it, before the
 * first test runs (registered as a JUnit launcher session listener): a test that touches the
 * network fails. It covers {@code java.net.Socket} (a JVM-wide socket factory: classic sockets,
 * Apache HttpClient), HTTP and FTP URLs ({@code URLConnection}), and everything that asks the
 * default proxy selector first ({@code java.net.http.HttpClient}, {@code HttpURLConnection}).
 */
public final class NetworkGuard implements LauncherSessionListener {

  /** Thrown at the point of a connection attempt. */
  public static final class NetworkAttempt extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NetworkAttempt(String what) {
      super("network access attempted in a test: " + what);
    }
  }

  private static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();
  private static volatile boolean installed;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    install();
  }

  /** The connection attempts seen so far in this JVM. */
  public static List<String> attempts() {
    return List.copyOf(ATTEMPTS);
  }

  public static boolean installed() {
    return installed;
  }

  private static NetworkAttempt attempt(String what) {
    ATTEMPTS.add(what);
    return new NetworkAttempt(what);
  }

  @SuppressWarnings(
      "deprecation") // Socket.setSocketImplFactory: the one JVM-wide hook for classic sockets
  static synchronized void install() {
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
      URL.setURLStreamHandlerFactory(
          protocol ->
              switch (protocol) {
                case "http", "https", "ftp" ->
                    new URLStreamHandler() {
                      @Override
                      protected URLConnection openConnection(URL u) {
                        throw attempt("URL connection to " + u);
                      }
                    };
                default -> null;
              });
    } catch (IOException | Error e) {
      throw new IllegalStateException("cannot install the network guard", e);
    }
    installed = true;
  }
}
