/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
/** The {@code adaptive} command line: picocli commands over run directories and served learners. */
package io.adaptive.cli;
