/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

/**
 * What a backend's jobs can be.
 *
 * @param relaunchesProgram true if each job runs the user's program again in worker role (the
 *     relaunch command must then be known); false if jobs run inside this JVM
 * @param cores the most cores one job can have, and the budget all running jobs share
 */
public record Capabilities(boolean relaunchesProgram, int cores) {}
