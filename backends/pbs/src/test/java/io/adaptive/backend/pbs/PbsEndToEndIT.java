/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adaptive.backend.pbs.fake.FakePbsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PBS backend end to end on the fake PBS: {@link PbsSweepProgram} runs as a real driver JVM,
 * submits its learners with the fake's {@code qsub}, which really runs the job scripts, and those
 * relaunch the program as worker JVMs; {@code qstat -f} and {@code qdel} are the fake's too.
 */
final class PbsEndToEndIT {

  @TempDir Path dir;
  private FakePbsServer pbs;
  private Path store;

  @BeforeEach
  void install() throws Exception {
    pbs = FakePbsServer.install(dir.resolve("pbs"));
    store = dir.resolve("store");
  }

  @AfterEach
  void stop() throws Exception {
    pbs.close();
  }

  private PbsDriver start(String... args) throws Exception {
    return PbsDriver.start(dir, store, pbs.bin(), args);
  }

  private static String row(String learner, String state, int fails) {
    return Pattern.quote(learner) + "\\s+" + state + "\\s+\\d+\\s+\\S+\\s+" + fails + "\\n";
  }

  private List<String> commands(String tool) throws Exception {
    return pbs.commands().stream().map(l -> l.substring(l.indexOf(' ') + 1))
        .filter(l -> l.startsWith(tool + " ")).toList();
  }

  /** How many saved points each job's worker resumed from, in job order. */
  private List<Long> resumed(PbsDriver driver) {
    List<Long> counts = new ArrayList<>();
    Matcher m = Pattern.compile("--- .*\\n(?:(?!--- ).*\\n)*?.*resumed from (\\d+) saved points")
        .matcher(driver.logs());
    while (m.find()) {
      counts.add(Long.parseLong(m.group(1)));
    }
    return counts;
  }

  // ---- a run to the goal ----

  @Test
  void sweep_everyLearnerReachesItsGoal_oneQstatPerPoll() throws Exception {
    long start = System.nanoTime();
    PbsDriver driver = start("3", "300", "0", "500");

    assertThat(driver.awaitExit()).as(driver.output() + driver.logs()).isZero();
    long seconds = (System.nanoTime() - start) / 1_000_000_000L + 1;

    assertThat(driver.output()).contains("3 done, 0 failed of 3 learners");
    for (String learner : List.of("peak[a=0.01]", "peak[a=0.02]", "peak[a=0.03]")) {
      assertThat(driver.rows(learner)).isGreaterThanOrEqualTo(300);
      assertThat(driver.output()).containsPattern(row(learner, "done", 0));
    }
    assertThat(pbs.submitted()).as("one qsub per learner").isEqualTo(3);
    assertThat(commands("qdel")).as("every job ended by itself, none was cancelled").isEmpty();
    for (long seq : pbs.jobs()) {
      awaitState(seq, "F"); // the last job may still be exiting when the driver has ended
      assertThat(pbs.exitStatus(seq)).as("job %d", seq).isZero();
    }
    List<String> qstats = commands("qstat");
    assertThat(qstats).isNotEmpty().allSatisfy(c -> assertThat(c).matches(
        "qstat -f( -x( \\d+\\.fakepbs)+)?"));
    assertThat(qstats.size()).as("about one qstat per 500 ms poll over %d s", seconds)
        .isLessThanOrEqualTo((int) (seconds * 2) + 5);
    assertThat(driver.exitFiles()).hasSize(3).allSatisfy(l -> assertThat(l).endsWith(" 0"));
  }

  @Test
  void sweep_torqueFlavour_onTheFakeInTorqueMode() throws Exception {
    pbs.torque();
    PbsDriver driver = start("1", "200", "0", "500", "torque");

    assertThat(driver.awaitExit()).as(driver.output() + driver.logs()).isZero();
    assertThat(driver.output()).contains("1 done, 0 failed of 1 learners");
    awaitState(1, "C");
    assertThat(commands("qdel")).as("the job ended by itself, it was not cancelled").isEmpty();
    assertThat(commands("qstat")).allSatisfy(c -> assertThat(c).doesNotContain("-x"));
    assertThat(commands("qsub")).hasSize(1);
  }

  // ---- jobs that end early ----

  @Test
  void qdelMidRun_theLearnerIsResubmittedAndFinishesFromItsCheckpoint() throws Exception {
    PbsDriver driver = start("1", "4000", "2", "200");
    driver.awaitRows("peak[a=0.01]", 300);
    long saved = driver.rows("peak[a=0.01]");
    assertThat(pbs.state(1)).isEqualTo("R");

    FakePbsServer.Result qdel = pbs.run(dir, "qdel", "1.fakepbs");
    assertThat(qdel.exitCode()).as(qdel.stderr()).isZero();

    assertThat(driver.awaitExit()).as(driver.output() + driver.logs()).isZero();
    assertThat(driver.output()).contains("1 done, 0 failed of 1 learners")
        .containsPattern(row("peak[a=0.01]", "done", 1));
    assertThat(pbs.exitStatus(1)).as("SIGTERM from the server").isEqualTo(271);
    assertThat(pbs.submitted()).isEqualTo(2);
    assertThat(resumed(driver)).hasSize(2);
    assertThat(resumed(driver).get(1)).isGreaterThanOrEqualTo(saved);
    assertThat(driver.rows("peak[a=0.01]")).isGreaterThanOrEqualTo(4000);
  }

  @Test
  void walltime_theWorkerStopsItself_isResubmittedWithoutAFailure() throws Exception {
    // 30 s walltime: the worker stops at its deadline (27 s after it started, well before the
    // server's limit) with status 7; the learner needs about 40 s of evaluations.
    PbsDriver driver = start("1", "20000", "2", "500", "walltime=30000");

    assertThat(driver.awaitExit()).as(driver.output() + driver.logs()).isZero();
    assertThat(driver.output()).contains("1 done, 0 failed of 1 learners")
        .containsPattern(row("peak[a=0.01]", "done", 0));
    assertThat(pbs.submitted()).isGreaterThanOrEqualTo(2);
    assertThat(pbs.exitStatus(1)).as("the worker's own walltime status, not a kill").isEqualTo(7);
    assertThat(driver.exitFiles().get(0)).endsWith(" 7");
    assertThat(resumed(driver).get(1)).isPositive();
  }

  @Test
  void walltime_killedAtTheLimit271_isResubmittedWithoutAFailure() throws Exception {
    // 4 s walltime: the worker's deadline (3.6 s after the worker started, which is later than
    // the job) comes after the server's limit, so the server's SIGTERM ends the first job.
    pbs.killDelay(Duration.ofSeconds(3));
    // 5000 points of 1 ms: more than one job's 4 s, so the limit is surely reached.
    PbsDriver driver = start("1", "5000", "1", "300", "walltime=4000");

    assertThat(driver.awaitExit()).as(driver.output() + driver.logs()).isZero();
    assertThat(driver.output()).contains("1 done, 0 failed of 1 learners")
        .containsPattern(row("peak[a=0.01]", "done", 0));
    assertThat(pbs.exitStatus(1)).as("killed by the server at the limit").isEqualTo(271);
    assertThat(Files.readString(store.resolve("logs").resolve("peak[a=0.01].j1-"
        + driver.exitFiles().get(0).replaceAll("^j1-(\\S+)\\.exit .*", "$1") + ".log")))
        .contains("=>> PBS: job killed: walltime");
  }

  /** Waits up to 10 s for job {@code seq} of the fake to reach {@code letter}. */
  private void awaitState(long seq, String letter) {
    await().atMost(Duration.ofSeconds(10)).until(() -> letter.equals(pbs.state(seq)));
  }

  // ---- scheduler trouble ----

  @Test
  void qsubFailsTransientlyTwice_thenTheJobIsSubmittedOnce() throws Exception {
    pbs.failQsub(2);
    PbsDriver driver = start("1", "200", "0", "500");

    assertThat(driver.awaitExit()).as(driver.output() + driver.logs()).isZero();
    assertThat(driver.output()).contains("1 done, 0 failed of 1 learners")
        .contains("qsub failed transiently for learner 'peak[a=0.01]' (attempt 1 of 5); retrying")
        .contains("(attempt 2 of 5)");
    assertThat(commands("qsub")).hasSize(3);
    assertThat(pbs.submitted()).isEqualTo(1);
  }

  @Test
  void garbageFromQstat_isReported_nothingIsLostOrResubmitted() throws Exception {
    PbsDriver driver = start("2", "3000", "2", "300");
    driver.awaitRows("peak[a=0.01]", 100);
    pbs.garbageQstat("<html><body>502 Bad Gateway</body></html>");
    await().atMost(Duration.ofSeconds(30)).until(() -> driver.output()
        .contains("cannot read the output of qstat -f: line 1 is text outside a job block"));
    Thread.sleep(2000);
    assertThat(driver.process().isAlive()).as(driver.output()).isTrue();
    pbs.garbageQstat(null);

    assertThat(driver.awaitExit()).as(driver.output() + driver.logs()).isZero();
    assertThat(driver.output()).contains("2 done, 0 failed of 2 learners")
        .containsPattern(row("peak[a=0.01]", "done", 0))
        .containsPattern(row("peak[a=0.02]", "done", 0));
    assertThat(pbs.submitted()).as("no job was given up for lost").isEqualTo(2);
  }

  @Test
  void vanishedJob_afterTheGracePeriod_isResubmitted() throws Exception {
    pbs.vanish(Duration.ofSeconds(3), 1);
    PbsDriver driver = start("1", "3000", "2", "300", "grace=3000");

    assertThat(driver.awaitExit()).as(driver.output() + driver.logs()).isZero();
    assertThat(driver.output()).contains("1 done, 0 failed of 1 learners");
    assertThat(pbs.submitted()).isEqualTo(2);
    assertThat(pbs.state(1)).as("forgotten by the server").isNull();
  }

  @Test
  void heldJob_waitsQueued_andRunsWhenReleased() throws Exception {
    pbs.holdNext(1);
    PbsDriver driver = start("1", "200", "0", "500");
    await().atMost(Duration.ofSeconds(30)).until(() -> pbs.submitted() == 1);
    Thread.sleep(3000);
    assertThat(pbs.state(1)).isEqualTo("H");
    assertThat(driver.process().isAlive()).isTrue();
    assertThat(pbs.submitted()).as("a held job is alive: not resubmitted").isEqualTo(1);
    assertThat(driver.output()).containsOnlyOnce("PBS job 1.fakepbs (")
        .contains(") is held: it will not start by itself; release it with qrls 1.fakepbs, or"
            + " cancel its learner");

    assertThat(pbs.run(dir, "qrls", "1.fakepbs").exitCode()).isZero();

    assertThat(driver.awaitExit()).as(driver.output() + driver.logs()).isZero();
    assertThat(driver.output()).contains("1 done, 0 failed of 1 learners");
  }
}
