/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import io.adaptive.runtime.learn.AverageLearner;
import io.adaptive.runtime.learn.AverageLearner1D;
import io.adaptive.runtime.learn.IntegratorLearner;
import io.adaptive.runtime.learn.Learner;
import io.adaptive.runtime.learn.Learner1D;
import io.adaptive.runtime.learn.Learner2D;
import io.adaptive.runtime.learn.LearnerND;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A learner as the {@code serve} protocol sees it: points and values as words of a line. Points
 * are written with {@link Double#toString} and {@link Long#toString}, so a client that parses them
 * gets the identical numbers back, and sends them back unchanged in {@code tell}.
 *
 * @param <P> the learner's point
 * @param <V> the learner's value
 */
final class ServedLearner<P, V> {

  private final String kind;
  private final Learner<P, V> learner;
  private final List<String> pointWords;
  private final List<String> valueWords;
  private final Function<String[], P> parsePoint;
  private final Function<P, String> formatPoint;
  private final Function<String[], V> parseValue;

  private ServedLearner(String kind, Learner<P, V> learner, List<String> pointWords,
      List<String> valueWords, Function<String[], P> parsePoint, Function<P, String> formatPoint,
      Function<String[], V> parseValue) {
    this.kind = kind;
    this.learner = Objects.requireNonNull(learner, "learner");
    this.pointWords = pointWords;
    this.valueWords = valueWords;
    this.parsePoint = parsePoint;
    this.formatPoint = formatPoint;
    this.parseValue = parseValue;
  }

  /** A scalar {@code learner1d}: points {@code x}, values {@code y}. */
  static ServedLearner<Double, Double> learner1D(Learner1D learner) {
    return new ServedLearner<>("learner1d", learner, List.of("x"), List.of("y"),
        words -> finite(words[0], "x"), x -> Double.toString(x), words -> number(words[0], "y"));
  }

  /** A vector {@code learner1d} with {@code outputs} values per point: {@code x}, {@code y0 …}. */
  static ServedLearner<Double, double[]> vector(Learner<Double, double[]> learner, int outputs) {
    List<String> values = new ArrayList<>(outputs);
    for (int i = 0; i < outputs; i++) {
      values.add("y" + i);
    }
    return new ServedLearner<>("learner1d", learner, List.of("x"), List.copyOf(values),
        words -> finite(words[0], "x"), x -> Double.toString(x), words -> {
          double[] y = new double[words.length];
          for (int i = 0; i < words.length; i++) {
            y[i] = number(words[i], "y" + i);
          }
          return y;
        });
  }

  /** An {@code average} learner: points are seeds, values {@code y}. */
  static ServedLearner<double[], Double> learner2D(Learner2D learner) {
    return new ServedLearner<>("learner2d", learner, List.of("x", "y"), List.of("z"),
        words -> new double[] {finite(words[0], "x"), finite(words[1], "y")},
        p -> p[0] + " " + p[1], words -> number(words[0], "z"));
  }

  /** A 2- or 3-D {@code learnernd}: points {@code x y [z]}, values {@code value}. */
  static ServedLearner<double[], Double> learnerND(LearnerND learner) {
    List<String> names = List.of("x", "y", "z").subList(0, learner.dimension());
    return new ServedLearner<>("learnernd", learner, names, List.of("value"), words -> {
      double[] p = new double[names.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = finite(words[i], names.get(i));
      }
      return p;
    }, p -> {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < p.length; i++) {
        line.append(i == 0 ? "" : " ").append(p[i]);
      }
      return line.toString();
    }, words -> number(words[0], "value"));
  }

  static ServedLearner<Long, Double> average(AverageLearner learner) {
    return new ServedLearner<>("average", learner, List.of("seed"), List.of("y"),
        words -> seed(words[0]), seed -> Long.toString(seed), words -> number(words[0], "y"));
  }

  /** An {@code average1d} learner: points {@code seed x}, values {@code y}. */
  static ServedLearner<AverageLearner1D.SeedX, Double> average1D(AverageLearner1D learner) {
    return new ServedLearner<>("average1d", learner, List.of("seed", "x"), List.of("y"),
        words -> new AverageLearner1D.SeedX(seed(words[0]), finite(words[1], "x")),
        p -> p.seed() + " " + p.x(), words -> number(words[0], "y"));
  }

  /** An {@code integrator}: points {@code x}, values {@code y}. */
  static ServedLearner<Double, Double> integrator(IntegratorLearner learner) {
    return new ServedLearner<>("integrator", learner, List.of("x"), List.of("y"),
        words -> finite(words[0], "x"), x -> Double.toString(x), words -> number(words[0], "y"));
  }

  /** The learner served. */
  Learner<P, V> learner() {
    return learner;
  }

  /** What {@code tell} takes, e.g. {@code tell seed x y}. */
  String tellForm() {
    return "tell " + String.join(" ", pointWords) + " " + String.join(" ", valueWords);
  }

  /** Up to {@code n} points, each registered as pending, each as the words of one line. */
  List<String> ask(int n) {
    List<String> lines = new ArrayList<>(n);
    for (P point : learner.ask(n, true).points()) {
      lines.add(formatPoint.apply(point));
    }
    return lines;
  }

  /**
   * Tells the point and value in {@code words}, the words after {@code tell}.
   *
   * @throws IllegalArgumentException if there are not as many words as {@link #tellForm()} says,
   *     or one is not a number
   */
  void tell(String[] words) {
    int width = pointWords.size() + valueWords.size();
    if (words.length != width) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "tell takes %d %s for %s, '%s'; got %d", width, width == 1 ? "number" : "numbers",
          kind, tellForm(), words.length));
    }
    String[] point = Arrays.copyOfRange(words, 0, pointWords.size());
    String[] value = Arrays.copyOfRange(words, pointWords.size(), width);
    P p = parsePoint.apply(point);
    V v = parseValue.apply(value);
    learner.tell(p, v);
  }

  /** The loss of the evaluated points. */
  double loss() {
    return learner.loss(true);
  }

  /** The number of evaluated points. */
  long npoints() {
    return learner.npoints();
  }

  /**
   * A number as clients in other languages write it: anything {@link Double#parseDouble} reads,
   * and also {@code inf}, {@code -inf} and {@code nan} in any case (Python's {@code repr}).
   *
   * @throws IllegalArgumentException naming the word and what it was meant to be
   */
  static double number(String word, String what) {
    switch (word.toLowerCase(Locale.ROOT)) {
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      case "nan", "+nan", "-nan":
        return Double.NaN;
      default:
        break;
    }
    try {
      return Double.parseDouble(word);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " '" + word + "' is not a number");
    }
  }

  private static double finite(String word, String what) {
    double value = number(word, what);
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " '" + word + "' is not a finite number");
    }
    return value;
  }

  private static long seed(String word) {
    try {
      return Long.parseLong(word);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("seed '" + word + "' is not a whole number");
    }
  }
}
