/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Loss1D;
import io.adaptive.plan.Loss2D;
import io.adaptive.plan.LossND;
import io.adaptive.plan.Memory;

/**
 * Writes values the way a user wrote them in the DSL, for error messages: strings in quotes,
 * doubles as Java prints them ({@code 0.05}, {@code 1.0E-7}), enums as {@code Mode.FAST}.
 */
final class DslText {

  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  private DslText() {}

  /** A user's value standing alone: strings in single quotes, the rest as Java source. */
  static String value(Object value) {
    if (value instanceof String s) {
      return quote(s);
    } else if (value instanceof Double || value instanceof Integer || value instanceof Long
        || value instanceof Boolean) {
      return value.toString();
    } else if (value instanceof Enum<?> e) {
      return e.getDeclaringClass().getSimpleName() + "." + e.name();
    }
    return quote(String.valueOf(value));
  }

  /** {@code 'text'}, with line breaks and tabs shown as escapes so a message stays one line. */
  static String quote(String text) {
    return "'" + visible(text) + "'";
  }

  /** {@code "text"}: a string argument inside DSL text such as {@code env("A", "b")}. */
  static String string(String text) {
    return '"' + visible(text).replace("\"", "\\\"") + '"';
  }

  private static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Memory as it is written: {@code gib(4)}, {@code mib(512)}, else in bytes. */
  static String memory(Memory memory) {
    long bytes = memory.bytes();
    if (bytes == 0) {
      return "mib(0)";
    } else if (bytes % GIB == 0) {
      return "gib(" + bytes / GIB + ")";
    } else if (bytes % MIB == 0) {
      return "mib(" + bytes / MIB + ")";
    }
    return "new Memory(" + bytes + ")";
  }

  /** A loss as the {@link Adaptive} call that makes it, e.g. {@code curvatureLoss(1.0, 0.02, 0.02)}. */
  static String loss(Loss1D loss) {
    if (loss instanceof Loss1D.Curvature c) {
      return "curvatureLoss(" + c.areaFactor() + ", " + c.euclidFactor() + ", "
          + c.horizontalFactor() + ")";
    } else if (loss instanceof Loss1D.Resolution r) {
      return "resolutionLoss(" + r.minLength() + ", " + r.maxLength() + ")";
    } else if (loss instanceof Loss1D.Uniform) {
      return "uniformLoss()";
    } else if (loss instanceof Loss1D.Triangle) {
      return "triangleLoss()";
    } else if (loss instanceof Loss1D.AbsMinLog) {
      return "absMinLogLoss()";
    }
    return "defaultLoss()";
  }

  /** A 2-D loss as the {@link Adaptive} call that makes it, e.g. {@code uniformLoss2D()}. */
  static String loss(Loss2D loss) {
    if (loss instanceof Loss2D.Resolution r) {
      return "resolutionLoss2D(" + r.minDistance() + ", " + r.maxDistance() + ")";
    } else if (loss instanceof Loss2D.Thresholded t) {
      return "thresholdedLoss2D(" + t.lower() + ", " + t.upper() + ", " + t.priorityFactor() + ")";
    } else if (loss instanceof Loss2D.Uniform) {
      return "uniformLoss2D()";
    } else if (loss instanceof Loss2D.MinimizeTriangleSurface) {
      return "minimizeTriangleSurfaceLoss2D()";
    } else if (loss instanceof Loss2D.Triangle) {
      return "triangleLoss2D()";
    }
    return "defaultLoss2D()";
  }

  /** A LearnerND loss as the {@link Adaptive} call that makes it, e.g. {@code uniformLossND()}. */
  static String loss(LossND loss) {
    if (loss instanceof LossND.Curvature c) {
      return "curvatureLossND(" + c.exploration() + ")";
    } else if (loss instanceof LossND.Uniform) {
      return "uniformLossND()";
    } else if (loss instanceof LossND.Std) {
      return "stdLossND()";
    } else if (loss instanceof LossND.Triangle) {
      return "triangleLossND()";
    }
    return "defaultLossND()";
  }
}
