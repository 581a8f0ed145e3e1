/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.runtime.spi.BackendProvider;
import io.adaptive.runtime.spi.ManagerEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class SlurmProviderTest {

  // ---------------------------------------------------------------------------------- create

  @Test
  void create_options_buildTheSameBackendAsTheJavaEntry() {
    var fromText = new SlurmProvider().create(Map.of("signal-lead", "5m", "command-timeout", "30s",
        "exit-file-grace", "PT2M", "bind-host", "10.0.0.1", "advertised-host", "login01",
        "java", "/opt/jdk/bin/java", "executables", "/opt/slurm/bin", "name-prefix", "ad",
        "java-options", " -XX:TieredStopAtLevel=4  -Dp=1 "));

    assertThat(fromText).isEqualTo(Slurm.backend().signalLead(Duration.ofMinutes(5))
        .commandTimeout(Duration.ofSeconds(30)).exitFileGrace(Duration.ofMinutes(2))
        .bindHost("10.0.0.1").advertisedHost("login01").java("/opt/jdk/bin/java")
        .executables(Path.of("/opt/slurm/bin")).namePrefix("ad")
        .javaOptions("-XX:TieredStopAtLevel=4", "-Dp=1"));
    assertThat(fromText.managerEndpoint()).isEqualTo(new ManagerEndpoint("10.0.0.1", "login01"));
  }

  @Test
  void backendByName_javaOptions_areSplitAtSpaces_andKeepTheirOwnEqualsSigns() {
    assertThat(BackendProvider.backend("slurm:java-options=-XX:TieredStopAtLevel=4 -Dp=a=b"))
        .isEqualTo(Slurm.backend().javaOptions("-XX:TieredStopAtLevel=4", "-Dp=a=b"));
    assertThatThrownBy(() -> BackendProvider.backend("slurm:java-options=-Xmx4g"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("java option '-Xmx4g' sets the heap");
  }

  @Test
  void create_noOptions_isTheDefault() {
    assertThat(new SlurmProvider().create(Map.of())).isEqualTo(Slurm.backend());
    assertThat(Slurm.backend().managerEndpoint().bindHost()).isEqualTo("0.0.0.0");
    assertThat(Slurm.backend().signalLead()).isEqualTo(Duration.ofSeconds(180));
  }

  @Test
  void create_unknownOption_listsTheKnownOnes() {
    assertThatThrownBy(() -> new SlurmProvider().create(Map.of("partition", "short")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backend 'slurm' has no option 'partition'; available: [advertised-host,"
            + " bind-host, command-timeout, executables, exit-file-grace, java, java-options,"
            + " job-arrays, max-array-tasks, name-prefix, signal-lead]");
  }

  @Test
  void create_jobArrays_buildTheSameBackendAsTheJavaEntry() {
    var fromText = new SlurmProvider().create(Map.of("job-arrays", "true",
        "max-array-tasks", "500"));

    assertThat(fromText).isEqualTo(Slurm.backend().jobArrays(true).maxArrayTasks(500));
    assertThat(((SlurmBackend) fromText).jobArrays()).isTrue();
    assertThat(new SlurmProvider().create(Map.of("job-arrays", "FALSE")))
        .isEqualTo(Slurm.backend());
  }

  @Test
  void create_jobArraysNeitherTrueNorFalse_namesTheOptionAndTheValue() {
    assertThatThrownBy(() -> new SlurmProvider().create(Map.of("job-arrays", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backend 'slurm' option job-arrays='yes' is neither true nor false; e.g."
            + " slurm:job-arrays=true");
  }

  @Test
  void create_maxArrayTasksNotANumber_namesTheOptionAndTheValue() {
    assertThatThrownBy(() -> new SlurmProvider().create(Map.of("max-array-tasks", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backend 'slurm' option max-array-tasks='lots' is not a whole number; e.g."
            + " slurm:max-array-tasks=1000");
  }

  @Test
  void create_badDuration_namesTheOptionAndTheValue() {
    assertThatThrownBy(() -> new SlurmProvider().create(Map.of("signal-lead", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backend 'slurm' option signal-lead='soon' is not a duration; e.g."
            + " signal-lead=180s, 5m, 1h or PT3M");
  }

  @Test
  void duration_forms() {
    assertThat(SlurmProvider.duration("x", "180")).isEqualTo(Duration.ofSeconds(180));
    assertThat(SlurmProvider.duration("x", "90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(SlurmProvider.duration("x", "2h")).isEqualTo(Duration.ofHours(2));
    assertThat(SlurmProvider.duration("x", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(SlurmProvider.duration("x", "pt3m")).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void serviceLoader_findsSlurm() {
    assertThat(ServiceLoader.load(BackendProvider.class).stream().map(p -> p.get().name()))
        .contains("slurm");
  }

  // ----------------------------------------------------------------------------- the entry

  @Test
  void signalLead_belowOneSecond_isRefused() {
    assertThatThrownBy(() -> Slurm.backend().signalLead(Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signalLead(PT0.01S) is below one second; use e.g."
            + " signalLead(Duration.ofMinutes(3))");
  }

  @Test
  void namePrefix_tooLong_isRefused() {
    assertThatThrownBy(() -> Slurm.backend().namePrefix("adaptive"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("namePrefix('adaptive') must be 1 to 4 letters, digits or '_' starting with a"
            + " letter, so that job names stay within 15 characters; e.g. namePrefix(\"as\")");
  }

  @Test
  void jobArrays_offByDefault_atMost1000TasksWhenOn() {
    assertThat(Slurm.backend().jobArrays()).isFalse();
    assertThat(Slurm.backend().maxArrayTasks()).isEqualTo(1000);
    assertThat(Slurm.backend().jobArrays(true).signalLead(Duration.ofMinutes(4)).jobArrays())
        .as("other modifiers keep it").isTrue();
    assertThat(Slurm.backend().jobArrays(true).toString())
        .endsWith(", job arrays of at most 1000 tasks");
  }

  @Test
  void maxArrayTasks_belowTwo_isRefused() {
    assertThatThrownBy(() -> Slurm.backend().maxArrayTasks(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxArrayTasks(1) is below 2, and an array needs two tasks; use e.g."
            + " maxArrayTasks(1000), or jobArrays(false) for single jobs");
  }

  @Test
  void modifiers_leaveTheReceiverUnchanged() {
    SlurmBackend base = Slurm.backend();
    base.signalLead(Duration.ofMinutes(9));
    base.jobArrays(true).maxArrayTasks(7);

    assertThat(base).isEqualTo(Slurm.backend());
    assertThat(base.capabilities().relaunchesProgram()).isTrue();
    assertThat(base.name()).isEqualTo("slurm");
  }
}
