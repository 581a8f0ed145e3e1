/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.protocol;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run manager's listening socket. Accepts nothing before a worker proves it knows the run's
 * secret; a malformed, oversized or unauthenticated message closes that one connection and leaves
 * the manager undisturbed.
 *
 * <p>Connections that have not authenticated yet are bounded, so that a client that connects and
 * then sends nothing, or trickles a byte at a time, cannot hold the manager's threads: each must
 * send its greeting within {@link #GREETING_DEADLINE} of being accepted (a deadline for the whole
 * greeting, not per read), and at most {@value #MAX_UNAUTHENTICATED} may be waiting at once;
 * further ones are closed as soon as they are accepted (logged at most once per {@link
 * #CAP_LOG_INTERVAL}). Authenticated workers are not affected by either limit.
 */
public final class ProtocolServer implements AutoCloseable {

  /** How long a connection may take from being accepted to having sent a valid greeting. */
  public static final Duration GREETING_DEADLINE = Duration.ofSeconds(10);

  /** How many accepted connections may be waiting to authenticate at once. */
  public static final int MAX_UNAUTHENTICATED = 64;

  /** The least time between two log lines about connections closed over the cap. */
  static final Duration CAP_LOG_INTERVAL = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(ProtocolServer.class);

  private final ServerSocket socket;
  private final byte[] secret;
  private final WorkerHandler handler;
  private final Duration greetingDeadline;
  private final int maxUnauthenticated;
  private final ExecutorService threads;
  private final ScheduledExecutorService deadlines;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger unauthenticated = new AtomicInteger();
  // Touched by the accept thread only.
  private long overCapSinceLog;
  private long lastCapLogNanos;
  private boolean capLogged;

  private ProtocolServer(ServerSocket socket, String secret, WorkerHandler handler,
      Duration greetingDeadline, int maxUnauthenticated) {
    this.socket = socket;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.handler = handler;
    this.greetingDeadline = greetingDeadline;
    this.maxUnauthenticated = maxUnauthenticated;
    this.threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "adaptive-protocol");
      thread.setDaemon(true);
      return thread;
    });
    ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "adaptive-protocol-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    deadlines.setRemoveOnCancelPolicy(true); // a greeting in time leaves no task behind
    this.deadlines = deadlines;
  }

  /**
   * Starts listening on the loopback interface, on a free port.
   *
   * @param secret the run's secret; a worker must send it first
   * @param handler what the manager does with worker messages
   */
  public static ProtocolServer start(String secret, WorkerHandler handler) throws IOException {
    return start(InetAddress.getLoopbackAddress(), secret, handler);
  }

  /** Starts listening on {@code address}, on a free port. */
  public static ProtocolServer start(InetAddress address, String secret, WorkerHandler handler)
      throws IOException {
    return start(address, secret, handler, GREETING_DEADLINE, MAX_UNAUTHENTICATED);
  }

  /**
   * {@link #start(InetAddress, String, WorkerHandler)} with other limits on connections not yet
   * authenticated: for tests.
   */
  static ProtocolServer start(InetAddress address, String secret, WorkerHandler handler,
      Duration greetingDeadline, int maxUnauthenticated) throws IOException {
    if (greetingDeadline.isNegative() || greetingDeadline.isZero() || maxUnauthenticated < 1) {
      throw new IllegalArgumentException("the greeting deadline " + greetingDeadline
          + " must be positive and the cap " + maxUnauthenticated + " at least 1");
    }
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(address, 0));
    ProtocolServer server =
        new ProtocolServer(socket, secret, handler, greetingDeadline, maxUnauthenticated);
    server.threads.execute(server::acceptLoop);
    return server;
  }

  /** Where workers connect: {@code host:port}. */
  public String address() {
    return socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  /** The port it listens on. */
  public int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        if (unauthenticated.get() >= maxUnauthenticated) {
          closeQuietly(connection);
          overCap(connection);
          continue;
        }
        unauthenticated.incrementAndGet();
        open.add(connection);
        threads.execute(() -> serve(connection));
      } catch (IOException e) {
        if (!socket.isClosed()) {
          log.warn("accepting a worker connection failed: {}", e.toString());
        }
      }
    }
  }

  // Logs the first connection closed over the cap, then a count at most once per interval.
  private void overCap(Socket connection) {
    overCapSinceLog++;
    long now = System.nanoTime();
    if (!capLogged || now - lastCapLogNanos >= CAP_LOG_INTERVAL.toNanos()) {
      log.warn("closed {} connection(s) (the latest from {}) at once: {} connections are waiting"
              + " to authenticate already, the most allowed; someone may be flooding the"
              + " manager's port {} (authenticated workers are not affected; next report in {}"
              + " at the earliest)", overCapSinceLog, connection.getRemoteSocketAddress(),
          maxUnauthenticated, socket.getLocalPort(), CAP_LOG_INTERVAL);
      overCapSinceLog = 0;
      lastCapLogNanos = now;
      capLogged = true;
    }
  }

  private static void closeQuietly(Socket connection) {
    try {
      connection.close();
    } catch (IOException e) {
      // nothing was read from it: nothing to lose
    }
  }

  private void serve(Socket connection) {
    Hello hello = null;
    boolean authenticating = true;
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline = null;
    try (connection) {
      // The deadline holds for the whole greeting; the read timeout only ends a read that
      // outlives it (closing from the timer wakes a blocked read too).
      deadline = deadlines.schedule(() -> {
        expired.set(true);
        closeQuietly(connection);
      }, greetingDeadline.toNanos(), TimeUnit.NANOSECONDS);
      connection.setSoTimeout((int) Math.max(1, greetingDeadline.toMillis()));
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      Hello greeting = authenticate(Wire.readLine(in));
      if (!deadline.cancel(false)) {
        throw new SocketTimeoutException("greeting completed as its deadline passed");
      }
      hello = greeting;
      authenticating = false;
      unauthenticated.decrementAndGet();
      String refusal = handler.claim(hello);
      if (!refusal.isEmpty()) {
        Wire.writeLine(out, "REFUSED " + Wire.encodeText(refusal));
        return;
      }
      Wire.writeLine(out, "OK");
      connection.setSoTimeout(0);
      for (String line = Wire.readLine(in); line != null; line = Wire.readLine(in)) {
        if (!dispatch(hello, line)) {
          return;
        }
      }
    } catch (SocketTimeoutException e) {
      timedOut(connection);
    } catch (ProtocolException e) {
      log.warn("closed a connection from {}: {}", connection.getRemoteSocketAddress(), e.getMessage());
    } catch (IOException e) {
      if (expired.get() && authenticating) {
        timedOut(connection);
      } else {
        log.debug("connection from {} ended: {}", connection.getRemoteSocketAddress(),
            e.toString());
      }
    } finally {
      if (deadline != null) {
        deadline.cancel(false);
      }
      if (authenticating) {
        unauthenticated.decrementAndGet();
      }
      open.remove(connection);
      if (hello != null) {
        handler.disconnected(hello);
      }
    }
  }

  private void timedOut(Socket connection) {
    log.warn("closed a connection from {} that sent no complete greeting within {} of being"
        + " accepted", connection.getRemoteSocketAddress(), greetingDeadline);
  }

  /** Connections accepted, neither authenticated nor closed yet: for tests. */
  int unauthenticated() {
    return unauthenticated.get();
  }

  private Hello authenticate(String line) {
    if (line == null) {
      throw new ProtocolException("the connection closed before its greeting");
    }
    List<String> words = List.of(line.split(" ", -1));
    if (words.size() != 6 || !words.get(0).equals("HELLO")) {
      throw new ProtocolException("the first message was not a greeting");
    }
    if (!words.get(1).equals(Wire.VERSION)) {
      throw new ProtocolException("unsupported protocol version '" + words.get(1) + "'");
    }
    byte[] offered = words.get(2).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(offered, secret)) {
      throw new ProtocolException("wrong secret");
    }
    return new Hello(
        Wire.decodeText(words.get(3)), Wire.decodeText(words.get(4)), words.get(5));
  }

  private boolean dispatch(Hello hello, String line) {
    String verb = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
    switch (verb) {
      case "PROGRESS" -> handler.progress(hello, Wire.parseReport(Wire.words(line, 6)));
      case "DONE" -> handler.done(hello, Wire.parseReport(Wire.words(line, 6)));
      case "FAILED" -> {
        List<String> words = Wire.words(line, 7);
        handler.failed(hello, Wire.parseReport(words.subList(0, 6)), Wire.decodeText(words.get(6)));
      }
      case "BYE" -> {
        return false;
      }
      default -> throw new ProtocolException("unknown message '" + abbreviate(verb) + "'");
    }
    return true;
  }

  private static String abbreviate(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "…";
  }

  /** Stops listening and closes every worker connection. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing the server socket: {}", e.toString());
    }
    for (Socket connection : open) {
      try {
        connection.close();
      } catch (IOException e) {
        log.debug("closing a worker connection: {}", e.toString());
      }
    }
    threads.shutdownNow();
    deadlines.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
