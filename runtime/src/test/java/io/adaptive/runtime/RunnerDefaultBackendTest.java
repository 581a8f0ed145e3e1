/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The runtime alone has no backend: the default one comes with the local backend's module. */
final class RunnerDefaultBackendTest {

  @Test
  void onDefaultBackend_withoutTheLocalModule_namesTheDependencyToAdd() {
    assertThatThrownBy(Runner::onDefaultBackend)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("io.adaptive:adaptive-backend-local")
        .hasMessageContaining("Runner.on(..)");
  }
}
