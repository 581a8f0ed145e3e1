/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * PNG charts of runs, drawn headless with JFreeChart: convergence, one learner's samples, learner
 * states over time, and a listener that keeps them current.
 */
package io.adaptive.charts;
