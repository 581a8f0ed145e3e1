/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Checks a written PNG the way a person would glance at it: there, whole, the right size, not
 * blank.
 */
final class Pngs {

  private Pngs() {}

  /** Asserts a decodable, non-blank PNG of this size, and no temporary file left beside it. */
  static BufferedImage assertChart(Path png, int width, int height) {
    assertThat(png).isRegularFile();
    BufferedImage image;
    try {
      image = ImageIO.read(png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(image).as("ImageIO decodes %s", png).isNotNull();
    assertThat(image.getWidth()).as("width").isEqualTo(width);
    assertThat(image.getHeight()).as("height").isEqualTo(height);
    assertThat(distinctColours(image)).as("distinct colours in %s", png).isGreaterThan(16);
    assertThat(inkFraction(image))
        .as("fraction of non-white pixels in %s", png)
        .isGreaterThan(0.01);
    assertThat(temporaryFiles(png.getParent())).as("temporary files").isEmpty();
    return image;
  }

  static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  static double inkFraction(BufferedImage image) {
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          ink++;
        }
      }
    }
    return (double) ink / ((long) image.getWidth() * image.getHeight());
  }

  /** Pixels that are clearly coloured (not grey): lines and bands rather than text and grid. */
  static long colouredPixels(BufferedImage image) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
          n++;
        }
      }
    }
    return n;
  }

  static List<Path> temporaryFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".tmp"))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
