/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.runtime.learn.Codec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The text protocol between a worker and its evaluators: UTF-8 lines of single-space separated
 * words, at most {@link #MAX_LINE} bytes each.
 *
 * <pre>
 * worker → evaluator   CHALLENGE adaptive-evaluator/1 &lt;nonce, 64 hex digits&gt;
 * evaluator → worker   HELLO adaptive-evaluator/1 &lt;proof&gt; &lt;threads&gt; &lt;name, base64&gt; &lt;fingerprint&gt;[,&lt;fingerprint&gt;…]
 * worker → evaluator   OK | REFUSED &lt;reason, base64&gt;
 * worker → evaluator   EVAL &lt;id&gt; &lt;learner index&gt; &lt;point, base64&gt; | CANCEL &lt;id&gt; | BYE
 * evaluator → worker   VALUE &lt;id&gt; &lt;value, base64&gt; | ERROR &lt;id&gt; &lt;0, or 1 if non-finite&gt; &lt;error, base64&gt;
 * </pre>
 *
 * <p>The proof is HMAC-SHA256 of the nonce keyed with the run's secret, in hex: the secret itself
 * never crosses the network, and a recorded proof is useless for another nonce. Points and values
 * travel as the base64 of what their learner's {@link Codec} writes to its data file, which is
 * exact (doubles bit for bit), so every learner type round-trips without a format of its own. The
 * fingerprints are the job's learners' ({@link io.adaptive.plan.LearnerTask#fingerprint()}), in
 * the job's order.
 */
final class EvaluatorWire {

  static final String VERSION = "adaptive-evaluator/1";
  static final int MAX_LINE = 1 << 20;

  /** A message that does not follow the protocol; the connection is dropped. */
  static final class MalformedException extends IOException {
    MalformedException(String message) {
      super(message);
    }
  }

  private EvaluatorWire() {}

  /** Reads one line without its newline; null at the end of the stream. */
  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    while (true) {
      int b = in.read();
      if (b == -1) {
        if (line.size() == 0) {
          return null;
        }
        throw new MalformedException("the connection ended inside a message");
      }
      if (b == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      if (line.size() == MAX_LINE) {
        throw new MalformedException("a message is longer than " + MAX_LINE + " bytes");
      }
      line.write(b);
    }
  }

  /** Writes {@code line} and a newline, and flushes; callers sharing a stream synchronize. */
  static void writeLine(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The words of {@code line}, which must be {@code count}. */
  static List<String> words(String line, int count) throws MalformedException {
    List<String> words = List.of(line.split(" ", -1));
    if (words.size() != count) {
      throw new MalformedException("malformed message '" + abbreviated(line) + "': expected "
          + count + " words, got " + words.size());
    }
    return words;
  }

  static long number(String word) throws MalformedException {
    try {
      return Long.parseLong(word);
    } catch (NumberFormatException e) {
      throw new MalformedException("malformed number '" + abbreviated(word) + "'");
    }
  }

  /** {@code value} as its codec writes it, in base64. */
  static <T> String encode(Codec<T> codec, T value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      codec.write(value, out);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /**
   * The value {@link #encode} wrote.
   *
   * @throws MalformedException if {@code word} is not base64, or holds more or less than a value
   */
  static <T> T decode(Codec<T> codec, String word) throws MalformedException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(word);
    } catch (IllegalArgumentException e) {
      throw new MalformedException("malformed base64 '" + abbreviated(word) + "'");
    }
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    try {
      T value = codec.read(new DataInputStream(in));
      if (in.available() > 0) {
        throw new MalformedException(in.available() + " bytes left after a value of columns "
            + codec.columns() + "; the worker and this evaluator run different learners");
      }
      return value;
    } catch (MalformedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new MalformedException("cannot read a value of columns " + codec.columns() + " from "
          + bytes.length + " bytes: " + e);
    }
  }

  static String encodeText(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static String decodeText(String word) throws MalformedException {
    try {
      return new String(Base64.getDecoder().decode(word), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedException("malformed base64 text");
    }
  }

  /** HMAC-SHA256 of {@code nonce} keyed with {@code secret}, in lowercase hex. */
  static String proof(String secret, String nonce) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }

  /** Compares two proofs in time independent of where they differ. */
  static boolean sameProof(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }

  private static String abbreviated(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }
}
