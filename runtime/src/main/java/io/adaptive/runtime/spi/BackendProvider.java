/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import java.util.Map;

/**
 * Makes a backend by name; registered through {@link java.util.ServiceLoader} so that command-line
 * tools can say {@code --backend local}.
 */
public interface BackendProvider {

  /** The short name, e.g. {@code local}. */
  String name();

  /** One line that says what the backend does. */
  String description();

  /**
   * Creates the backend from textual options.
   *
   * @throws IllegalArgumentException if an option is unknown or malformed; the message names it
   */
  Backend create(Map<String, String> options);
}
