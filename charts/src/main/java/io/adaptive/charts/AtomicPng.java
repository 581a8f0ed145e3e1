/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Writes a chart as a PNG that readers see either whole or not at all. */
final class AtomicPng {

  private AtomicPng() {}

  static void checkSize(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a chart of %d x %d pixels has no area; give a positive width and height, e.g. 1000 x"
                  + " 600",
              width,
              height));
    }
  }

  // Files.createTempFile would make the PNG owner-only (0600) after the rename; charts are for
  // sharing, so the file is created plainly and gets the umask's permissions, like any output.
  private static Path createTemporary(Path target) throws IOException {
    while (true) {
      String unique = Long.toHexString(ThreadLocalRandom.current().nextLong());
      Path candidate = target.resolveSibling("." + target.getFileName() + "." + unique + ".tmp");
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        // another writer picked the same name: draw again
      }
    }
  }

  // A browser or the CLI may read the PNG while a run rewrites it every few seconds: the temporary
  // file sits in the target's own directory so that the rename stays on one file system, where
  // ATOMIC_MOVE replaces the old file in one step.
  static void write(JFreeChart chart, Path file, int width, int height) {
    Objects.requireNonNull(file, "file");
    checkSize(width, height);
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = createTemporary(target);
      ChartUtils.saveChartAsPNG(temporary.toFile(), chart, width, height);
      Files.move(temporary, target, ATOMIC_MOVE, REPLACE_EXISTING);
      temporary = null;
    } catch (IOException e) {
      throw new ChartException(
          "cannot write chart '"
              + file
              + "': "
              + e
              + "; check that its directory is writable and its file system has space",
          file,
          e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // the original failure matters more; a stray .tmp file is harmless
        }
      }
    }
  }
}
