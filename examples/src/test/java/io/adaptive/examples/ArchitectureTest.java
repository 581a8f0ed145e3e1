/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of house-style §2, checked on the compiled classes of every module: {@code dsl ←
 * runtime ← backends ← (examples, bench)} and {@code runtime ← charts}, never back.
 */
final class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.adaptive");
  }

  @Test
  void dsl_dependsOnNothingOfOurs_butThePlanAndTheRootException() {
    noClasses().that().resideInAnyPackage("io.adaptive.dsl..", "io.adaptive.plan..")
        .should().dependOnClassesThat().resideInAnyPackage("io.adaptive.runtime..",
            "io.adaptive.backend..", "io.adaptive.charts..", "io.adaptive.examples..")
        .check(classes);
  }

  @Test
  void plan_isFreeOfVavrAndOfTheBuilder() {
    noClasses().that().resideInAPackage("io.adaptive.plan..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vavr..", "io.adaptive.dsl..")
        .check(classes);
  }

  @Test
  void vavr_isUsedOnlyInsideTheDsl() {
    noClasses().that().resideOutsideOfPackage("io.adaptive.dsl..")
        .should().dependOnClassesThat().resideInAPackage("io.vavr..")
        .check(classes);
  }

  @Test
  void runtime_neverSeesBackendsChartsOrExamples() {
    noClasses().that().resideInAPackage("io.adaptive.runtime..")
        .should().dependOnClassesThat().resideInAnyPackage("io.adaptive.backend..",
            "io.adaptive.charts..", "io.adaptive.examples..", "io.adaptive.dsl..")
        .check(classes);
  }

  @Test
  void backends_reachTheRuntimeOnlyThroughItsSpi() {
    noClasses().that().resideInAPackage("io.adaptive.backend..")
        .should().dependOnClassesThat().resideInAnyPackage("io.adaptive.runtime",
            "io.adaptive.runtime.learn..", "io.adaptive.runtime.launch..",
            "io.adaptive.runtime.store..", "io.adaptive.runtime.protocol..")
        .check(classes);
  }

  @Test
  void charts_neverSeeBackends() {
    noClasses().that().resideInAPackage("io.adaptive.charts..")
        .should().dependOnClassesThat().resideInAnyPackage("io.adaptive.backend..",
            "io.adaptive.examples..")
        .check(classes);
  }
}
