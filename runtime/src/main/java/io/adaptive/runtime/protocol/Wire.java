/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Lines of at most {@link #MAX_LINE} bytes, UTF-8, ending in a newline; words separated by single
 * spaces. Free text (an error message) travels base64-encoded in one word. We parse only this small
 * format: nothing received is ever deserialised as Java objects.
 */
final class Wire {

  static final int MAX_LINE = 64 * 1024;
  static final String VERSION = "adaptive/2";

  private Wire() {}

  /** Reads one line without its newline; null at the end of the stream. */
  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    while (true) {
      int b = in.read();
      if (b == -1) {
        if (line.size() == 0) {
          return null;
        }
        throw new ProtocolException("the connection ended inside a message");
      }
      if (b == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      if (line.size() == MAX_LINE) {
        throw new ProtocolException("a message is longer than " + MAX_LINE + " bytes");
      }
      line.write(b);
    }
  }

  static void writeLine(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static List<String> words(String line, int count) {
    List<String> words = List.of(line.split(" ", -1));
    if (words.size() != count) {
      throw new ProtocolException(
          "malformed message: expected " + count + " words, got " + words.size());
    }
    return words;
  }

  static String encodeText(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static String decodeText(String word) {
    try {
      return new String(Base64.getDecoder().decode(word), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("malformed message: bad base64 text");
    }
  }

  static String report(String verb, Report report) {
    return verb + " " + report.npoints() + " " + report.loss() + " " + report.elapsedNanos() + " "
        + report.cpuNanos() + " " + report.heapBytes();
  }

  static Report parseReport(List<String> words) {
    try {
      long npoints = Long.parseLong(words.get(1));
      double loss = Double.parseDouble(words.get(2));
      long elapsed = Long.parseLong(words.get(3));
      long cpu = Long.parseLong(words.get(4));
      long heap = Long.parseLong(words.get(5));
      if (npoints < 0 || elapsed < 0 || loss < 0 || cpu < 0 || heap < 0) {
        throw new ProtocolException("malformed report: negative value");
      }
      return new Report(npoints, loss, elapsed, cpu, heap);
    } catch (NumberFormatException e) {
      throw new ProtocolException("malformed report: " + e.getMessage());
    }
  }
}
