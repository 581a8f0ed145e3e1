/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Loss1D;
import io.adaptive.plan.Memory;
import io.adaptive.plan.Parameter;
import io.adaptive.plan.ResourceShape;
import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.BackendProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class PbsBackendTest {

  private static ExecutionPlan plan(ResourceShape... shapes) {
    List<LearnerTask> tasks = new java.util.ArrayList<>();
    for (int i = 0; i < shapes.length; i++) {
      tasks.add(new LearnerTask("peak[a=" + i + "]", List.of(new Parameter("a", (double) i)),
          new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> x), new Goal.Points(100),
          shapes[i]));
    }
    return new ExecutionPlan("peak", tasks);
  }

  // ---- explain: the whole job script ----

  @Test
  void explain_openPbs_wholeScript() throws Exception {
    ResourceShape shape = new ResourceShape(4, 1, 1, Memory.gib(8), Duration.ofHours(2), "short",
        "phys-123", "", 0, false, "", new TreeMap<>(Map.of("OMP_NUM_THREADS", "4")),
        List.of("module load java/17"), List.of("-W umask=022"));
    String text = Pbs.backend().explain(plan(shape), Path.of("/runs/peak"),
        List.of("/usr/bin/java", "-Xmx1g", "-cp", "/opt/app.jar", "org.example.Peak", "0.01"));

    Golden.assertMatches("explain-openpbs.txt", text);
  }

  @Test
  void explain_torque_wholeScript() throws Exception {
    String text = Pbs.backend().torque().explain(plan(Defaults.RESOURCES), Path.of("/runs/peak"),
        List.of("/usr/bin/java", "-cp", "/opt/app.jar", "org.example.Peak"));

    Golden.assertMatches("explain-torque.txt", text);
  }

  // ---- check ----

  @Test
  void check_everyProblemOnce_withTheLearner() {
    ResourceShape qos = new ResourceShape(1, 1, 1, Memory.gib(1), Duration.ofHours(1), "", "",
        "high", 0, false, "", new TreeMap<>(), List.of(), List.of());

    List<String> problems = Pbs.backend().check(plan(qos, qos, Defaults.RESOURCES));

    assertThat(problems).containsExactly("learner 'peak[a=0]' asks for qos('high'), but PBS has"
        + " no quality of service; remove qos(..), or give your site's equivalent as a raw"
        + " option, e.g. schedulerOptions(\"-l qos=high\") if the site defines such a resource"
        + " (the same for 1 more learners with these resources)");
  }

  // ---- the two routes ----

  @Test
  void provider_buildsTheSameBackendAsTheJavaEntry() {
    BackendProvider provider = ServiceLoader.load(BackendProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("pbs")).findFirst()
        .orElseThrow();

    Backend byName = provider.create(Map.of("flavour", "torque", "executables", "/opt/pbs/bin",
        "command-timeout", "30s", "exit-file-grace", "PT2M", "advertised-host", "login01",
        "bind-host", "10.0.0.1", "java", "/opt/java/bin/java", "name-prefix", "ab",
        "user", "alice", "java-options", "-XX:+UseSerialGC"));

    assertThat(byName).isEqualTo(Pbs.backend().torque().executables(Path.of("/opt/pbs/bin"))
        .commandTimeout(Duration.ofSeconds(30)).exitFileGrace(Duration.ofMinutes(2))
        .advertisedHost("login01").bindHost("10.0.0.1").java("/opt/java/bin/java")
        .namePrefix("ab").user("alice").javaOptions("-XX:+UseSerialGC"));
    assertThat(provider.create(Map.of())).isEqualTo(Pbs.backend());
    assertThat(byName).isNotEqualTo(Pbs.backend());
    assertThat(byName.name()).isEqualTo("pbs");
  }

  @Test
  void provider_unknownOptionOrFlavour_listsWhatExists() {
    BackendProvider provider = new PbsProvider();
    assertThatThrownBy(() -> provider.create(Map.of("queue", "short")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backend 'pbs' has no option 'queue'; available: [advertised-host, bind-host,"
            + " command-timeout, executables, exit-file-grace, flavour, java, java-options,"
            + " name-prefix, user]");
    assertThatThrownBy(() -> provider.create(Map.of("flavour", "pbspro")))
        .hasMessage("backend 'pbs' option flavour='pbspro' is not known; use flavour=openpbs"
            + " (also PBS Pro) or flavour=torque");
    assertThatThrownBy(() -> provider.create(Map.of("command-timeout", "soon")))
        .hasMessage("backend 'pbs' option command-timeout='soon' is not a duration; e.g."
            + " command-timeout=180s, 5m, 1h or PT3M");
    assertThat(PbsProvider.duration("x", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(PbsProvider.duration("x", "90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(PbsProvider.duration("x", "1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void copyModifiers_leaveTheReceiverUnchanged() {
    PbsBackend base = Pbs.backend();
    PbsBackend torque = base.torque();
    assertThat(base.isTorque()).isFalse();
    assertThat(torque.isTorque()).isTrue();
    assertThat(torque.openPbs()).isEqualTo(base);
    assertThat(base.namePrefix("ab").settings().namePrefix()).isEqualTo("ab");
    assertThat(base.settings().namePrefix()).isEqualTo("as");
  }
}
