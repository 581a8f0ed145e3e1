/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class LearnerNamesTest {

  enum Mode { FAST, SLOW_AND_STEADY }

  // ---------------------------------------------------------------- of

  @Test
  void of_parameters_areWrittenInAxisOrderInBrackets() {
    assertThat(LearnerNames.of("peak",
        List.of(new Parameter("a", 0.01), new Parameter("x0", 0.2))))
        .isEqualTo("peak[a=0.01,x0=0.2]");
  }

  @Test
  void of_noParameters_isTheExperimentName() {
    assertThat(LearnerNames.of("peak", List.of())).isEqualTo("peak");
  }

  @Test
  void of_everyType_isWrittenByItsRule() {
    assertThat(LearnerNames.of("e", List.of(new Parameter("s", "a b"), new Parameter("b", true),
        new Parameter("i", -3), new Parameter("l", 10_000_000_000L), new Parameter("d", 1.0),
        new Parameter("m", Mode.SLOW_AND_STEADY))))
        .isEqualTo("e[s=a%20b,b=true,i=-3,l=10000000000,d=1,m=SLOW_AND_STEADY]");
  }

  @Test
  void of_separatorsInParts_areEscapedSoNamesStayUnambiguous() {
    String one = LearnerNames.of("e", List.of(new Parameter("a", "1,b=2")));
    String two = LearnerNames.of("e", List.of(new Parameter("a", "1"), new Parameter("b", "2")));
    assertThat(one).isEqualTo("e[a=1%2Cb%3D2]");
    assertThat(two).isEqualTo("e[a=1,b=2]");
  }

  @Test
  void of_unsupportedValue_throwsIllegalArgument() {
    assertThatThrownBy(() -> LearnerNames.of("e", List.of(new Parameter("f", 2.5f))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a java.lang.Float cannot be part of a learner name;"
            + " use a String, Boolean, Integer, Long, Double or enum constant");
  }

  // ---------------------------------------------------------------- value: doubles

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "0.01, 0.01", "1.0, 1", "-0.5, -0.5", "2.5, 2.5", "0.0, 0", "-0.0, -0", "100.0, 100",
      "0.2, 0.2", "0.30000000000000004, 0.30000000000000004", "123456.789, 123456.789",
      "1e-6, 0.000001", "1.5e-6, 0.0000015", "9.99e-7, 9.99e-07", "1e-7, 1e-07",
      "1.5e-7, 1.5e-07", "1e20, 100000000000000000000", "1e21, 1e+21", "1.25e21, 1.25e+21",
      "-1e-7, -1e-07", "1e300, 1e+300", "1e-300, 1e-300",
      "1.7976931348623157e308, 1.7976931348623157e+308", "4.9e-324, 5e-324",
      "NaN, NaN", "Infinity, Infinity", "-Infinity, -Infinity"})
  void value_double_isShortestRoundTripPlainInsideRange(double value, String expected) {
    assertThat(LearnerNames.value(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 2024})
  void value_randomDouble_readsBackAsTheSameDouble(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 2_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(d)) {
        String text = LearnerNames.value(d);
        assertThat(new BigDecimal(text.replace("e+", "e")).doubleValue()).as("seed %d: %s", seed, text)
            .isEqualTo(d);
        // never longer than Java's own digits
        assertThat(digits(text)).as("seed %d: %s", seed, text)
            .isLessThanOrEqualTo(digits(Double.toString(d)));
      }
    }
  }

  private static int digits(String number) {
    String mantissa = number.toLowerCase().split("e")[0].replace("-", "").replace(".", "");
    return mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length();
  }

  // ---------------------------------------------------------------- escape

  @Test
  void escape_safeCharacters_areKept() {
    assertThat(LearnerNames.escape("Az09._+-")).isEqualTo("Az09._+-");
  }

  @Test
  void escape_otherCharacters_arePercentEncodedUtf8UpperCase() {
    assertThat(LearnerNames.escape("a b/c\\d:é%µ[]=,*?\"<>|\n"))
        .isEqualTo("a%20b%2Fc%5Cd%3A%C3%A9%25%C2%B5%5B%5D%3D%2C%2A%3F%22%3C%3E%7C%0A");
  }

  @Test
  void escape_percent_isEscapedSoEscapingIsInjective() {
    assertThat(LearnerNames.escape("%20")).isEqualTo("%2520").isNotEqualTo(LearnerNames.escape(" "));
  }

  @Test
  void value_enum_isItsEscapedName() {
    assertThat(LearnerNames.value(Mode.FAST)).isEqualTo("FAST");
  }

  // ---------------------------------------------------------------- experiment

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"peak, peak", "., %2E", "'..', .%2E", "v1., v1%2E", "nul, %6Eul", "CON, %43ON",
      "com1.x, %63om1.x", "console, console", "a/b, a%2Fb"})
  void experiment_unsafeForWindowsOrDirectories_isEscapedFurther(String name, String expected) {
    assertThat(LearnerNames.experiment(name)).isEqualTo(expected);
  }
}
