/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The line protocol of {@code adaptive serve}: one request per line, answered at once.
 *
 * <pre>
 * ask N        → k, then k lines with one point each (k = N unless the learner has fewer left)
 * tell P… V…   → ok
 * loss         → the loss of the evaluated points
 * npoints      → the number of evaluated points
 * quit         → (ends; so does the end of the input)
 * </pre>
 *
 * <p>Words are separated by spaces on output, by any white space on input. A bad request gets one
 * line, {@code error <message>}, and the server goes on. Every answer is flushed at once, so a
 * client can talk to it in lock step through pipes.
 */
final class LearnerServer {

  /** The most points one {@code ask} hands out: a typo such as {@code ask 1e9} is refused. */
  static final int MAX_ASK = 1_000_000;

  private final ServedLearner<?, ?> learner;

  LearnerServer(ServedLearner<?, ?> learner) {
    this.learner = learner;
  }

  /** Answers requests from {@code in} until {@code quit} or its end. */
  void serve(BufferedReader in, PrintWriter out) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.strip().split("\\s+");
      if (words[0].equals("quit") && words.length == 1) {
        break;
      }
      List<String> answer;
      try {
        answer = answer(words);
      } catch (RuntimeException e) {
        answer = List.of("error " + oneLine(e));
      }
      answer.forEach(out::println);
      out.flush();
    }
    out.flush();
  }

  private List<String> answer(String[] words) {
    String request = words[0];
    String[] arguments = Arrays.copyOfRange(words, 1, words.length);
    switch (request) {
      case "ask" -> {
        int n = count(arguments);
        List<String> points = learner.ask(n);
        String[] lines = new String[points.size() + 1];
        lines[0] = Integer.toString(points.size());
        for (int i = 0; i < points.size(); i++) {
          lines[i + 1] = points.get(i);
        }
        return List.of(lines);
      }
      case "tell" -> {
        learner.tell(arguments);
        return List.of("ok");
      }
      case "loss" -> {
        noArguments(request, arguments);
        return List.of(Double.toString(learner.loss()));
      }
      case "npoints" -> {
        noArguments(request, arguments);
        return List.of(Long.toString(learner.npoints()));
      }
      default -> throw new IllegalArgumentException((request.isEmpty()
          ? "empty request" : "unknown request '" + String.join(" ", words) + "'")
          + "; requests are: ask N, " + learner.tellForm() + ", loss, npoints, quit");
    }
  }

  private static int count(String[] arguments) {
    if (arguments.length != 1) {
      throw new IllegalArgumentException("ask takes one number, how many points: ask 1");
    }
    int n;
    try {
      n = Integer.parseInt(arguments[0]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ask '" + arguments[0] + "': give a whole number of"
          + " points, e.g. ask 1");
    }
    if (n < 0 || n > MAX_ASK) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "ask %d: give 0 to %d points", n, MAX_ASK));
    }
    return n;
  }

  private static void noArguments(String request, String[] arguments) {
    if (arguments.length > 0) {
      throw new IllegalArgumentException(request + " takes no arguments, got '"
          + String.join(" ", arguments) + "'");
    }
  }

  // The protocol is one line per answer: a message over several lines is joined.
  private static String oneLine(RuntimeException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
