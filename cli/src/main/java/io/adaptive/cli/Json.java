/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import java.util.Locale;

/** JSON literals, for the few flat objects the command line prints. */
final class Json {

  private Json() {}

  /** A JSON string: quoted, with quotes, backslashes and control characters escaped. */
  static String string(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A JSON number that parses back to {@code value}; {@code null} if it is infinite or NaN. */
  static String number(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "null";
  }
}
