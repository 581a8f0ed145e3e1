/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of a multi-task job: listens for evaluators, checks that each proves the run's
 * secret and runs the job's learners (their fingerprints), and hands them points up to their
 * threads. A point whose evaluator disconnects comes back {@link Reply.Kind#LOST}, for the worker
 * to evaluate again elsewhere. Thread-safe. Protocol: {@link EvaluatorWire}.
 */
final class EvaluatorHub implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EvaluatorHub.class);
  private static final int HANDSHAKE_TIMEOUT_MILLIS = 30_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What came back for one point. */
  record Reply(Kind kind, String value, boolean nonFinite, String error, String evaluator) {
    enum Kind {
      /** {@link #value()} holds the encoded value. */
      VALUE,
      /** {@link #error()} holds the error and its stack trace, as the evaluator printed it. */
      ERROR,
      /** The evaluator went away before it answered: evaluate the point again. */
      LOST
    }

    static Reply lost(String evaluator) {
      return new Reply(Kind.LOST, "", false, "", evaluator);
    }
  }

  private final ServerSocket server;
  private final String secret;
  private final String fingerprints;
  private final List<Connection> connections = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private final Thread acceptor;
  private volatile boolean closed;

  private EvaluatorHub(ServerSocket server, String secret, List<String> fingerprints) {
    this.server = server;
    this.secret = secret;
    this.fingerprints = String.join(",", fingerprints);
    this.acceptor = new Thread(this::accept, "adaptive-evaluator-hub");
    this.acceptor.setDaemon(true);
  }

  /**
   * Listens on an ephemeral port of {@code bind} for evaluators of a job running the learners
   * with {@code fingerprints}, in the job's order.
   */
  static EvaluatorHub open(InetAddress bind, String secret, List<String> fingerprints)
      throws IOException {
    Objects.requireNonNull(secret, "secret");
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(bind, 0));
    EvaluatorHub hub = new EvaluatorHub(server, secret, List.copyOf(fingerprints));
    hub.acceptor.start();
    return hub;
  }

  /** The port it listens on. */
  int port() {
    return server.getLocalPort();
  }

  /** The threads of all connected evaluators. */
  synchronized int capacity() {
    return connections.stream().mapToInt(c -> c.threads).sum();
  }

  /** The evaluator threads not busy with a point. */
  synchronized int free() {
    return connections.stream().mapToInt(c -> c.threads - c.inFlight).sum();
  }

  /** How many evaluators are connected. */
  synchronized int connected() {
    return connections.size();
  }

  /**
   * Takes a free thread of the evaluator with the most free ones, for one point.
   *
   * @return the slot, or null if every evaluator is busy (or none is connected)
   */
  synchronized Slot reserve() {
    Connection best = null;
    for (Connection connection : connections) {
      if (connection.threads - connection.inFlight > 0
          && (best == null || connection.threads - connection.inFlight
              > best.threads - best.inFlight)) {
        best = connection;
      }
    }
    if (best == null) {
      return null;
    }
    best.inFlight++;
    return new Slot(best);
  }

  /** One reserved evaluator thread; {@link #evaluate} once. */
  final class Slot {
    private final Connection connection;

    private Slot(Connection connection) {
      this.connection = connection;
    }

    /**
     * Sends the point to the evaluator and waits for its answer.
     *
     * @param learner the index of the point's learner in the job
     * @param point the point, encoded ({@link EvaluatorWire#encode})
     * @throws InterruptedException if interrupted (an evaluation timeout): the evaluator is told to
     *     cancel the point, and its thread is free again
     */
    Reply evaluate(int learner, String point) throws InterruptedException {
      long id = ids.incrementAndGet();
      CompletableFuture<Reply> reply = new CompletableFuture<>();
      connection.pending.put(id, reply);
      if (connection.gone) {
        // Lost between the reservation and now; its pending map was already drained.
        connection.pending.remove(id);
        return Reply.lost(connection.name);
      }
      if (!connection.send("EVAL " + id + " " + learner + " " + point)) {
        connection.pending.remove(id);
        return Reply.lost(connection.name);
      }
      try {
        return reply.get();
      } catch (InterruptedException e) {
        if (connection.pending.remove(id) != null) {
          release(connection);
          connection.send("CANCEL " + id);
        }
        throw e;
      } catch (ExecutionException e) {
        throw new IllegalStateException("a reply is never completed exceptionally", e);
      }
    }
  }

  private synchronized void release(Connection connection) {
    connection.inFlight--;
  }

  private void accept() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!closed) {
          log.warn("no longer accepting evaluators: {}", e.toString());
        }
        return;
      }
      Thread handshake = new Thread(() -> serve(socket), "adaptive-evaluator-link");
      handshake.setDaemon(true);
      handshake.start();
    }
  }

  private void serve(Socket socket) {
    Connection connection;
    try {
      connection = handshake(socket);
    } catch (IOException | RuntimeException e) {
      log.warn("an evaluator from {} could not join: {}", socket.getRemoteSocketAddress(),
          e.getMessage());
      close(socket);
      return;
    }
    if (connection == null) {
      close(socket);
      return;
    }
    String why = "it closed the connection";
    try {
      read(connection);
    } catch (IOException e) {
      why = e.toString();
    }
    lost(connection, why);
  }

  private Connection handshake(Socket socket) throws IOException {
    socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    OutputStream out = socket.getOutputStream();
    InputStream in = new BufferedInputStream(socket.getInputStream());
    byte[] nonceBytes = new byte[32];
    RANDOM.nextBytes(nonceBytes);
    String nonce = HexFormat.of().formatHex(nonceBytes);
    EvaluatorWire.writeLine(out, "CHALLENGE " + EvaluatorWire.VERSION + " " + nonce);
    String line = EvaluatorWire.readLine(in);
    if (line == null) {
      throw new IOException("it closed the connection before saying hello");
    }
    List<String> hello = EvaluatorWire.words(line, 6);
    String refusal = null;
    String name = hello.get(4).isEmpty() ? "?" : EvaluatorWire.decodeText(hello.get(4));
    long threads = EvaluatorWire.number(hello.get(3));
    if (!hello.get(0).equals("HELLO") || !hello.get(1).equals(EvaluatorWire.VERSION)) {
      refusal = "it speaks '" + hello.get(0) + " " + hello.get(1) + "', not HELLO "
          + EvaluatorWire.VERSION + "; the worker and the evaluators must run the same jar";
    } else if (!EvaluatorWire.sameProof(EvaluatorWire.proof(secret, nonce), hello.get(2))) {
      refusal = "it does not know the run's secret; evaluators read it from <run dir>/secret,"
          + " so they must run as the same user and see the run directory";
    } else if (!hello.get(5).equals(fingerprints)) {
      refusal = "it built a different plan (learner fingerprints " + hello.get(5) + ", this worker"
          + " " + fingerprints + "); main() must build the same plan on every launch: derive it"
          + " from args and input files only, not from the clock, the host, environment variables"
          + " or an unseeded Random";
    } else if (threads < 1 || threads > 100_000) {
      refusal = "it offers " + threads + " threads";
    }
    if (refusal != null) {
      log.warn("refused evaluator {} from {}: {}", name, socket.getRemoteSocketAddress(), refusal);
      EvaluatorWire.writeLine(out, "REFUSED " + EvaluatorWire.encodeText(refusal));
      return null;
    }
    socket.setSoTimeout(0);
    Connection connection = new Connection(socket, out, in, (int) threads, name);
    synchronized (this) {
      if (closed) {
        EvaluatorWire.writeLine(out, "REFUSED " + EvaluatorWire.encodeText("the worker has ended"));
        return null;
      }
      EvaluatorWire.writeLine(out, "OK");
      connections.add(connection);
    }
    log.info("evaluator {} joined with {} threads; {} evaluator threads in all", name, threads,
        capacity());
    return connection;
  }

  private void read(Connection connection) throws IOException {
    while (true) {
      String line = EvaluatorWire.readLine(connection.in);
      if (line == null) {
        return;
      }
      String verb = line.substring(0, Math.max(0, line.indexOf(' ')));
      Reply reply;
      long id;
      if (verb.equals("VALUE")) {
        List<String> words = EvaluatorWire.words(line, 3);
        id = EvaluatorWire.number(words.get(1));
        reply = new Reply(Reply.Kind.VALUE, words.get(2), false, "", connection.name);
      } else if (verb.equals("ERROR")) {
        List<String> words = EvaluatorWire.words(line, 4);
        id = EvaluatorWire.number(words.get(1));
        reply = new Reply(Reply.Kind.ERROR, "", words.get(2).equals("1"),
            EvaluatorWire.decodeText(words.get(3)), connection.name);
      } else {
        throw new EvaluatorWire.MalformedException("unexpected message '" + verb + "'");
      }
      CompletableFuture<Reply> waiting = connection.pending.remove(id);
      if (waiting != null) { // else cancelled: its thread was freed then
        release(connection);
        connection.evaluated.incrementAndGet();
        waiting.complete(reply);
      }
    }
  }

  private void lost(Connection connection, String why) {
    synchronized (this) {
      connection.gone = true;
      if (!connections.remove(connection)) {
        return;
      }
    }
    int inFlight = 0;
    for (Long id : List.copyOf(connection.pending.keySet())) {
      CompletableFuture<Reply> waiting = connection.pending.remove(id);
      if (waiting != null) {
        inFlight++;
        waiting.complete(Reply.lost(connection.name));
      }
    }
    close(connection.socket);
    if (!closed) {
      log.warn("evaluator {} left ({}) after {} points; its {} points in flight are evaluated"
          + " again elsewhere; {} evaluator threads left", connection.name, why,
          connection.evaluated.get(), inFlight, capacity());
    }
  }

  /** Says goodbye to every evaluator and stops listening. */
  @Override
  public void close() {
    List<Connection> all;
    synchronized (this) {
      closed = true;
      all = List.copyOf(connections);
    }
    close(server);
    for (Connection connection : all) {
      connection.send("BYE");
      log.info("evaluator {} sent back {} results", connection.name, connection.evaluated.get());
      lost(connection, "the worker ended");
    }
  }

  private static void close(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Nothing left to release.
    }
  }

  /** One evaluator's connection; its counters are guarded by the hub. */
  private static final class Connection {
    final Socket socket;
    final OutputStream out;
    final InputStream in;
    final int threads;
    final String name;
    final Map<Long, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    final AtomicLong evaluated = new AtomicLong();
    int inFlight;
    volatile boolean gone;

    Connection(Socket socket, OutputStream out, InputStream in, int threads, String name) {
      this.socket = socket;
      this.out = out;
      this.in = in;
      this.threads = threads;
      this.name = name;
    }

    /** Sends one line; false if the connection broke (its reader then reports it lost). */
    synchronized boolean send(String line) {
      try {
        EvaluatorWire.writeLine(out, line);
        return true;
      } catch (IOException e) {
        try {
          socket.close(); // wakes the reader, which drains the pending points
        } catch (IOException ignored) {
          // already closed
        }
        return false;
      }
    }
  }
}
