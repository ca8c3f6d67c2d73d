package dev.taskcheck.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local TCP listener on 127.0.0.1 that counts every connection made to it, plus the JVM options
 * that route every outbound connection of a child JVM (plain sockets through SOCKS, HTTP and HTTPS
 * through a proxy, no host exempted) to it. A child JVM started with {@link #jvmOptions()} that
 * tries to reach any host, by name or address, shows up in {@link #connections()}.
 */
final class CliNetworkTrapSupport implements AutoCloseable {

  private final ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger sentinels = new AtomicInteger();
  private final Set<Integer> acceptedPorts = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  CliNetworkTrapSupport() {
    try {
      server = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the network trap", e);
    }
    acceptor = new Thread(this::acceptLoop, "taskcheck-it-network-trap");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        connections.incrementAndGet();
        acceptedPorts.add(s.getPort());
      } catch (IOException e) {
        // closed: the loop ends
      }
    }
  }

  int port() {
    return server.getLocalPort();
  }

  /**
   * How many connections were made to the trap so far (its own sentinels not counted). Connections
   * the kernel has completed but the acceptor has not yet taken are counted too: a sentinel
   * connection is made and, since a listener accepts in order, once it is accepted every earlier
   * one has been.
   */
  int connections() {
    try (Socket sentinel = new Socket()) {
      sentinel.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
      int port = sentinel.getLocalPort();
      sentinels.incrementAndGet();
      try {
        sentinel.connect(server.getLocalSocketAddress(), 5_000);
      } catch (SocketException e) {
        // the trap may accept and close the sentinel before connect() returns: it arrived all the
        // same
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!acceptedPorts.contains(port)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the network trap stopped accepting connections");
        }
        Thread.sleep(10);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the network trap", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return connections.get() - sentinels.get();
  }

  /** JVM options that send every outbound connection to the trap. */
  List<String> jvmOptions() {
    String port = Integer.toString(port());
    return List.of(
        "-DsocksProxyHost=127.0.0.1", "-DsocksProxyPort=" + port,
        "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + port,
        "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + port,
        "-Dhttp.nonProxyHosts=", "-Djava.net.useSystemProxies=false");
  }

  @Override
  public void close() {
    try {
      server.close();
      acceptor.join(5_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
