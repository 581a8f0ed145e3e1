/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class AdaptiveCliTest {

  @Test
  void noCommand_printsUsageAndIsAUsageError() {
    Cli.Result result = Cli.run();

    assertThat(result.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(result.err()).startsWith("Usage: adaptive [-hV] [COMMAND]")
        .contains("  status ", "  logs ", "  charts ", "  export ", "  clean ", "  cancel ",
            "  serve ");
  }

  @Test
  void help_isExitZero_andListsTheCommands() {
    Cli.Result result = Cli.run("--help");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).startsWith("Usage: adaptive [-hV] [COMMAND]").contains("Exit codes:");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"status", "logs", "charts", "export", "clean", "cancel", "serve"})
  void help_ofEveryCommand_isExitZero(String command) {
    Cli.Result result = Cli.run(command, "--help");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("Usage: adaptive " + command + " ");
  }

  @Test
  void unknownCommand_isAUsageErrorWithSuggestions() {
    Cli.Result result = Cli.run("stauts");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(result.errLines()).contains("adaptive: Unmatched argument at index 0: 'stauts'",
        "see: adaptive --help");
    assertThat(result.err()).contains("status");
  }
}
