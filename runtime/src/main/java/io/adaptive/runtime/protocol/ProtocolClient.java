/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.protocol;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/** A worker's connection to its run manager. Not thread-safe: the worker loop owns it. */
public final class ProtocolClient implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final OutputStream out;

  private ProtocolClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  /**
   * Connects to the manager at {@code address} ({@code host:port}), authenticates with the run's
   * secret and claims the learner.
   *
   * @throws ClaimRefusedException if the manager refuses the claim; the message says why
   * @throws IOException if the manager cannot be reached
   */
  public static ProtocolClient connect(String address, String secret, Hello hello)
      throws IOException {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("manager address '" + address + "' is not host:port");
    }
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(address.substring(0, colon),
          Integer.parseInt(address.substring(colon + 1))), CONNECT_TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      ProtocolClient client = new ProtocolClient(socket);
      Wire.writeLine(client.out, String.join(" ", "HELLO", Wire.VERSION, secret,
          Wire.encodeText(hello.learner()), Wire.encodeText(hello.jobId()), hello.fingerprint()));
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String answer = Wire.readLine(in);
      if (answer == null) {
        throw new IOException("the run manager closed the connection without answering");
      }
      if (answer.startsWith("REFUSED ")) {
        List<String> words = Wire.words(answer, 2);
        throw new ClaimRefusedException(Wire.decodeText(words.get(1)));
      }
      if (!answer.equals("OK")) {
        throw new ProtocolException("unexpected answer from the run manager");
      }
      return client;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Reports progress; doubles as the heartbeat. */
  public void progress(Report report) throws IOException {
    Wire.writeLine(out, Wire.report("PROGRESS", report));
  }

  /** Reports that the learner reached its goal, with its data saved. */
  public void done(Report report) throws IOException {
    Wire.writeLine(out, Wire.report("DONE", report));
  }

  /** Reports that the learner failed with {@code error} (message and stack trace). */
  public void failed(Report report, String error) throws IOException {
    String text = error.length() > 16_000 ? error.substring(0, 16_000) + "\n…" : error;
    Wire.writeLine(out, Wire.report("FAILED", report) + " " + Wire.encodeText(text));
  }

  /** Closes a connection that broke, without saying goodbye. */
  public void abandon() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to release beyond the socket itself.
    }
  }

  /** Says goodbye and closes the connection. */
  @Override
  public void close() {
    try {
      Wire.writeLine(out, "BYE");
    } catch (IOException e) {
      // The manager is gone; closing is all that is left to do.
    }
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to release beyond the socket itself.
    }
  }
}
