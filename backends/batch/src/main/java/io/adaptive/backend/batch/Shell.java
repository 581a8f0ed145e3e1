/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quoting for bash: any string becomes one word that the shell reads back unchanged. */
final class Shell {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private Shell() {}

  /**
   * {@code value} as one bash word: as it is if it holds only letters, digits and {@code _./:=@%+,-};
   * else in single quotes, or as {@code $'..'} if it holds a newline,
   * a carriage return, a tab or another control character (single quotes cannot carry them on
   * one line).
   */
  static String quote(String value) {
    if (SAFE.matcher(value).matches()) {
      return value; // nothing the shell would change: easier to read as it is
    }
    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      StringBuilder quoted = new StringBuilder("$'");
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '\n' -> quoted.append("\\n");
          case '\r' -> quoted.append("\\r");
          case '\t' -> quoted.append("\\t");
          case '\\' -> quoted.append("\\\\");
          case '\'' -> quoted.append("\\'");
          default -> {
            if (c < 0x20 || c == 0x7f) {
              quoted.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
              quoted.append(c);
            }
          }
        }
      }
      return quoted.append('\'').toString();
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** Each word quoted, separated by spaces. */
  static String words(List<String> words) {
    return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
  }

  /** True if {@code name} is a valid shell variable name. */
  static boolean isVariableName(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*");
  }
}
