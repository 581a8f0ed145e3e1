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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run manager's listening socket. Accepts nothing before a worker proves it knows the run's
 * secret; a malformed, oversized or unauthenticated message closes that one connection and leaves
 * the manager undisturbed.
 */
public final class ProtocolServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ProtocolServer.class);
  private static final int HELLO_TIMEOUT_MILLIS = 10_000;

  private final ServerSocket socket;
  private final byte[] secret;
  private final WorkerHandler handler;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private ProtocolServer(ServerSocket socket, String secret, WorkerHandler handler) {
    this.socket = socket;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.handler = handler;
    this.threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "adaptive-protocol");
      thread.setDaemon(true);
      return thread;
    });
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
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(address, 0));
    ProtocolServer server = new ProtocolServer(socket, secret, handler);
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
        open.add(connection);
        threads.execute(() -> serve(connection));
      } catch (IOException e) {
        if (!socket.isClosed()) {
          log.warn("accepting a worker connection failed: {}", e.toString());
        }
      }
    }
  }

  private void serve(Socket connection) {
    Hello hello = null;
    try (connection) {
      connection.setSoTimeout(HELLO_TIMEOUT_MILLIS);
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      hello = authenticate(Wire.readLine(in));
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
      log.warn("closed a connection from {} that sent no greeting within {} ms",
          connection.getRemoteSocketAddress(), HELLO_TIMEOUT_MILLIS);
    } catch (ProtocolException e) {
      log.warn("closed a connection from {}: {}", connection.getRemoteSocketAddress(), e.getMessage());
    } catch (IOException e) {
      log.debug("connection from {} ended: {}", connection.getRemoteSocketAddress(), e.toString());
    } finally {
      open.remove(connection);
      if (hello != null) {
        handler.disconnected(hello);
      }
    }
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
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
