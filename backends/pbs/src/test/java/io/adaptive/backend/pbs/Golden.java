/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a file under {@code src/test/resources/golden/}; with
 * {@code -Dgolden.update=true} rewrites the file instead, for the diff to be reviewed like code.
 */
final class Golden {

  private static final Path DIRECTORY = Path.of("src/test/resources/golden");

  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path file = DIRECTORY.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("golden file %s; create it with -Dgolden.update=true", file).exists();
    assertThat(actual).as("golden file %s (rewrite with -Dgolden.update=true and review the diff)",
        file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
