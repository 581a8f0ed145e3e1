/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

/** Puts AWT in headless mode before the first chart is drawn, unless the program chose a mode. */
final class Headless {

  private static final String PROPERTY = "java.awt.headless";

  private Headless() {}

  // Drivers run on cluster login nodes without a display; without this, the first font lookup
  // tries to reach an X server. An explicit -Djava.awt.headless=false (a desktop program that
  // shows charts) is respected. It must happen before AWT's Toolkit initialises, so every render
  // path calls it first.
  static void ensure() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "true");
    }
  }
}
