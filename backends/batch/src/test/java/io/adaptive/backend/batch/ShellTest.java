/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ShellTest {

  private static final String CHARACTERS = "aZ09 _-'\"\\$`!*?;&|<>(){}[]#~=%\n\t\r\u0001é";

  @ParameterizedTest(name = "[{index}]")
  @ValueSource(strings = {"", "plain", "it's", "a\nb", "$HOME `id` \"x\" \\", "tab\there",
      "'\n'", "\u0007bell"})
  void quote_value_bashReadsItBackUnchanged(String value) throws Exception {
    assertThat(echoed(Shell.quote(value))).isEqualTo(value);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 2024})
  void quote_randomValue_bashReadsItBackUnchanged(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder value = new StringBuilder();
    for (int i = random.nextInt(40); i > 0; i--) {
      value.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
    }
    assertThat(echoed(Shell.quote(value.toString()))).as("seed %d", seed)
        .isEqualTo(value.toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a'b", "a b", "~", "$x", "*"})
  void quote_specialCharacters_usesSingleQuotes(String value) {
    assertThat(Shell.quote(value)).startsWith("'").endsWith("'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"plain", "/opt/jdk/bin/java", "-Xmx3072m", "--ntasks=3", "a,b:c@d%e+f"})
  void quote_safeWord_staysAsItIs(String value) {
    assertThat(Shell.quote(value)).isEqualTo(value);
  }

  /** What bash makes of {@code word}: printf writes it back byte for byte. */
  private static String echoed(String word) throws Exception {
    Process bash = new ProcessBuilder("bash", "-c", "printf '%s' " + word).start();
    assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(new String(bash.getErrorStream().readAllBytes(),
        StandardCharsets.UTF_8)).isZero();
    return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
