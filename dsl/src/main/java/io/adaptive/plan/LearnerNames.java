/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Writes learner names: readable, deterministic, unambiguous and safe as file names on Linux,
 * macOS and Windows.
 *
 * <p>A learner's name is its experiment's name, followed, if the experiment sweeps, by its
 * parameters in axis order: {@code <experiment>[<axis>=<value>,<axis>=<value>]}, for example
 * {@code peak[a=0.01,x0=0.2]}. An experiment without a sweep has one learner, named exactly like
 * the (escaped) experiment.
 *
 * <p><b>Values</b> are written as follows; these rules are stable API, because names key stored
 * data and fingerprints:
 *
 * <ul>
 *   <li>{@code Double}: the shortest decimal that reads back as the same double (closest to it
 *       if several are equally short). In plain notation if its magnitude is 0 or in
 *       [1e-6, 1e21): {@code 0.01}, {@code 1}, {@code -0.5}, {@code 2.5}, {@code 0.000001};
 *       otherwise as digits, {@code e}, a sign and at least two exponent digits: {@code 1e-07},
 *       {@code 1.5e-07}, {@code 1e+21}. Negative zero is {@code -0}; the specials are {@code NaN},
 *       {@code Infinity} and {@code -Infinity}.
 *   <li>{@code Integer}, {@code Long}: decimal digits, with {@code -} if negative.
 *   <li>{@code Boolean}: {@code true} or {@code false}.
 *   <li>enum constants: their {@link Enum#name() name}, escaped.
 *   <li>{@code String}: the string, escaped.
 * </ul>
 *
 * <p><b>Escaping</b> (of experiment names, axis names, strings and enum names): every character
 * outside {@code [A-Za-z0-9._+-]} is replaced by its UTF-8 bytes, each written {@code %XX} with
 * upper-case hex digits, so {@code "a b/c"} becomes {@code a%20b%2Fc} and {@code "µ"} becomes
 * {@code %C2%B5}. Because {@code %}, {@code [}, {@code ]}, {@code =} and {@code ,} are always
 * escaped inside the parts, a name can be split back into its parts without doubt, and different
 * parts give different names. Two further rules apply to the experiment name only, for Windows:
 * a final {@code .} is escaped ({@code %2E}; this also keeps {@code .} and {@code ..} from naming a
 * directory), and so is the first letter of a reserved device name ({@code CON}, {@code NUL},
 * {@code COM1}…, in any case) so that {@code nul} becomes {@code %6Eul}.
 *
 * <p>Values of different types can still be written alike: {@code 1}, {@code 1L}, {@code 1.0}
 * and {@code "1"} are all {@code 1}. {@code compile()} reports an axis holding such values.
 */
public final class LearnerNames {

  private static final Set<String> WINDOWS_DEVICES = Set.of(
      "CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private LearnerNames() {}

  /**
   * The name of the learner with these parameters in this experiment.
   *
   * @param experiment the experiment's name as the user wrote it (it is escaped here)
   * @param parameters the learner's sweep coordinates in axis order; empty without a sweep
   * @return for example {@code peak[a=0.01,x0=0.2]}, or {@code peak} without parameters
   * @throws IllegalArgumentException if a value is not of a supported type (see {@link #isSupported})
   * @throws NullPointerException if an argument is null
   */
  public static String of(String experiment, List<Parameter> parameters) {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(parameters, "parameters");
    StringBuilder name = new StringBuilder(experiment(experiment));
    if (!parameters.isEmpty()) {
      name.append('[');
      for (int i = 0; i < parameters.size(); i++) {
        Parameter p = parameters.get(i);
        name.append(i == 0 ? "" : ",").append(escape(p.axis())).append('=').append(value(p.value()));
      }
      name.append(']');
    }
    return name.toString();
  }

  /**
   * The experiment name as it starts every learner name, and as it may name a directory: escaped,
   * with the two extra Windows rules described in the class documentation.
   *
   * @param experiment the name as the user wrote it
   * @return for example {@code peak}, {@code my%20run} or {@code %6Eul}
   * @throws NullPointerException if {@code experiment} is null
   */
  public static String experiment(String experiment) {
    String escaped = escape(Objects.requireNonNull(experiment, "experiment"));
    String stem = escaped.contains(".") ? escaped.substring(0, escaped.indexOf('.')) : escaped;
    if (WINDOWS_DEVICES.contains(stem.toUpperCase(Locale.ROOT))) {
      escaped = percent(escaped.charAt(0)) + escaped.substring(1);
    }
    if (escaped.endsWith(".")) {
      escaped = escaped.substring(0, escaped.length() - 1) + "%2E";
    }
    return escaped;
  }

  /**
   * Whether {@code value} may be a sweep value: a {@code String}, {@code Boolean}, {@code Integer},
   * {@code Long}, {@code Double} or enum constant.
   *
   * @param value any value
   * @return whether learner names can show it
   */
  public static boolean isSupported(Object value) {
    return value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Double || value instanceof Enum<?>;
  }

  /**
   * A sweep value as it appears in a learner name (see the class documentation).
   *
   * @param value a value of a supported type
   * @return for example {@code 0.01}, {@code 1e-07}, {@code true} or {@code a%20b}
   * @throws IllegalArgumentException if the value is not of a supported type
   * @throws NullPointerException if {@code value} is null
   */
  public static String value(Object value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof Double d) {
      return number(d);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      return value.toString();
    } else if (value instanceof String s) {
      return escape(s);
    } else if (value instanceof Enum<?> e) {
      return escape(e.name());
    }
    throw new IllegalArgumentException("a " + value.getClass().getName()
        + " cannot be part of a learner name; use a String, Boolean, Integer, Long, Double or enum constant");
  }

  /**
   * Percent-encodes every character outside {@code [A-Za-z0-9._+-]} as its UTF-8 bytes
   * ({@code %XX}, upper-case hex).
   *
   * @param text any text
   * @return the text with only {@code [A-Za-z0-9._+-%]} left
   * @throws NullPointerException if {@code text} is null
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (isSafe(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isSafe(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == '+' || c == '-';
  }

  private static String percent(char asciiChar) {
    return "%" + HEX[(asciiChar >> 4) & 0xF] + HEX[asciiChar & 0xF];
  }

  /** A double in the name format: shortest round-trip digits, plain in [1e-6, 1e21). */
  static String number(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    } else if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    } else if (d == 0) {
      return (Double.doubleToRawLongBits(d) < 0) ? "-0" : "0";
    }
    BigDecimal digits = shortest(d).stripTrailingZeros();
    double magnitude = Math.abs(d);
    if (magnitude >= 1e-6 && magnitude < 1e21) {
      return digits.toPlainString();
    }
    String unscaled = digits.unscaledValue().abs().toString();
    int exponent = unscaled.length() - 1 - digits.scale();
    StringBuilder text = new StringBuilder(d < 0 ? "-" : "").append(unscaled.charAt(0));
    if (unscaled.length() > 1) {
      text.append('.').append(unscaled, 1, unscaled.length());
    }
    text.append('e').append(exponent < 0 ? '-' : '+');
    int abs = Math.abs(exponent);
    return text.append(abs < 10 ? "0" : "").append(abs).toString();
  }

  // Double.toString is not always the shortest on Java 17 (it prints 4.9E-324 for 5e-324), so we
  // search: the shortest decimal that reads back as d lies next to d at some precision, below or
  // above it (both are tried, because the rounding interval is lopsided at powers of two).
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
      boolean downFits = down.doubleValue() == d;
      boolean upFits = up.doubleValue() == d;
      if (downFits && upFits) {
        return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      } else if (downFits) {
        return down;
      } else if (upFits) {
        return up;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }
}
