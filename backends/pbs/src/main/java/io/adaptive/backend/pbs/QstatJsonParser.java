/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code qstat -f -F json} (OpenPBS 19+, PBS Pro): the object under the top-level key
 * {@code Jobs}, keyed by job id, becomes the same {@link QstatJob}s as the text layout gives.
 * Nested objects become dotted names ({@code Resource_List.walltime}); {@code Variable_List}, an
 * object in JSON, becomes the text form {@code NAME=value,NAME=value}; numbers keep their text.
 *
 * <p>Not used by the backend's polls yet: the text parser is the baseline every PBS has (Torque
 * has no JSON). A small reader of its own, since the module depends on no JSON library.
 */
final class QstatJsonParser {

  private final String text;
  private int at;

  private QstatJsonParser(String text) {
    this.text = text;
  }

  /**
   * The jobs of {@code json}, in the order printed; empty if it has no {@code Jobs} key.
   *
   * @throws QstatFormatException if it is not JSON of that shape; the message says where
   */
  static List<QstatJob> parse(String json) {
    QstatJsonParser reader = new QstatJsonParser(json);
    Object top = reader.value();
    reader.skipSpace();
    if (reader.at != json.length()) {
      throw reader.error("text after the JSON object");
    }
    if (!(top instanceof Map<?, ?> map)) {
      throw reader.error("a top level that is not an object");
    }
    Object jobs = map.get("Jobs");
    List<QstatJob> result = new ArrayList<>();
    if (jobs == null) {
      return result;
    }
    if (!(jobs instanceof Map<?, ?> byId)) {
      throw reader.error("'Jobs' that is not an object");
    }
    for (Map.Entry<?, ?> job : byId.entrySet()) {
      if (!(job.getValue() instanceof Map<?, ?> attributes)) {
        throw reader.error("job '" + job.getKey() + "' that is not an object");
      }
      Map<String, String> flat = new LinkedHashMap<>();
      flatten("", attributes, flat);
      result.add(new QstatJob((String) job.getKey(), flat));
    }
    return result;
  }

  private static void flatten(String prefix, Map<?, ?> object, Map<String, String> into) {
    for (Map.Entry<?, ?> e : object.entrySet()) {
      String name = prefix + e.getKey();
      Object value = e.getValue();
      if (name.equals("Variable_List") && value instanceof Map<?, ?> variables) {
        List<String> pairs = new ArrayList<>();
        variables.forEach((k, v) -> pairs.add(k + "=" + v));
        into.put(name, String.join(",", pairs));
      } else if (value instanceof Map<?, ?> nested) {
        flatten(name + ".", nested, into);
      } else {
        into.put(name, String.valueOf(value));
      }
    }
  }

  // ---- a small JSON reader: objects keep their order; numbers, true, false stay text ----

  private Object value() {
    skipSpace();
    if (at >= text.length()) {
      throw error("the end of the text where a value belongs");
    }
    char c = text.charAt(at);
    if (c == '{') {
      return object();
    }
    if (c == '[') {
      return array();
    }
    if (c == '"') {
      return string();
    }
    int start = at;
    while (at < text.length() && "+-.0123456789eEtruefalsn".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    if (start == at) {
      throw error("'" + c + "' where a value belongs");
    }
    String word = text.substring(start, at);
    return word.equals("null") ? "" : word;
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    at++; // {
    skipSpace();
    if (peek() == '}') {
      at++;
      return map;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("an object key that is not a string");
      }
      String key = string();
      skipSpace();
      expect(':');
      map.put(key, value());
      skipSpace();
      if (peek() == ',') {
        at++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    at++; // [
    skipSpace();
    if (peek() == ']') {
      at++;
      return list;
    }
    while (true) {
      list.add(value());
      skipSpace();
      if (peek() == ',') {
        at++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  private String string() {
    StringBuilder b = new StringBuilder();
    at++; // "
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (at >= text.length()) {
        break;
      }
      char e = text.charAt(at++);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("a cut \\u escape");
          }
          b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        }
        default -> b.append(e);
      }
    }
    throw error("a string without its closing quote");
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("'" + (at < text.length() ? text.charAt(at) : "the end") + "' where '" + c
          + "' belongs");
    }
    at++;
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private QstatFormatException error(String what) {
    return new QstatFormatException(String.format(Locale.ROOT, "cannot read the output of"
        + " qstat -f -F json: at character %d, %s; expected an object with 'Jobs' keyed by job"
        + " id", at, what));
  }
}
