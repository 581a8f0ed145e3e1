/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import static io.adaptive.cli.Runs.UPDATED;
import static io.adaptive.cli.Runs.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.store.StatusFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class StatusCommandTest {

  @TempDir Path dir;

  // ---- the table -----------------------------------------------------------------------------

  @Test
  void status_publishedRecords_tableCountsAndFailures() throws Exception {
    Path run = dir.resolve("peaks");
    Runs.publish(run,
        record("peaks[a=0.01]", LearnerState.DONE, "", 3253, 0.000999944, 0, UPDATED - 7_200_000),
        record("peaks[a=0.1]", LearnerState.RUNNING, "j12-lq3k9x1", 120, 0.0123456789, 1,
            UPDATED + 7_000),
        record("peaks[a=1]", LearnerState.PENDING, "", 0, Double.POSITIVE_INFINITY, 0, 0),
        record("peaks[a=10]", LearnerState.FAILED, "", 2, Double.POSITIVE_INFINITY, 3,
            UPDATED - 90_000));
    Files.writeString(run.resolve("plan.txt"), "experiment peaks: 4 learners\n");

    Cli.Result result = Cli.run("status", run.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.outLines()).containsExactly(
        "learner        state    job             points          loss  fails  heartbeat",
        "peaks[a=0.01]  done     -                 3253   0.000999944      0  2h ago",
        "peaks[a=0.1]   running  j12-lq3k9x1        120     0.0123457      1  3s ago",
        "peaks[a=1]     pending  -                    0      Infinity      0  never",
        "peaks[a=10]    failed   -                    2      Infinity      3  1m ago",
        "peaks in " + run + ": 4 learners: 1 done, 1 running, 1 pending, 1 failed; no run"
            + " manager is running on it",
        "failed: peaks[a=10]: the function failed 3 times at -1.0: boom");
  }

  @Test
  void status_heartbeat_isTheLastProgressReport_orTheLastChangeWithoutOne() throws Exception {
    // a: its record changed 10 s ago (a failed job), but its last report came 5 minutes ago.
    Runs.publish(dir, record("a", LearnerState.RUNNING, "j2-b", 40, 0.5, 1, UPDATED),
        record("b", LearnerState.PENDING, "", 0, Double.POSITIVE_INFINITY, 0, UPDATED - 60_000));
    Files.writeString(dir.resolve("history.tsv"),
        (UPDATED - 600_000) + "\ta\t20\t0.75\t0\t0\n"
            + (UPDATED - 300_000) + "\ta\t40\t0.5\t0\t0\n");

    Cli.Result result = Cli.run("status", dir.toString());
    Cli.Result json = Cli.run("status", "--json", dir.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines()).startsWith(
        "learner  state    job      points          loss  fails  heartbeat",
        "a        running  j2-b         40      0.500000      1  5m ago",
        "b        pending  -             0      Infinity      0  1m ago");
    assertThat(json.out()).contains("\"updatedMillis\":" + UPDATED + ",\"heartbeatMillis\":"
        + (UPDATED - 300_000) + ",");
  }

  @Test
  void status_unreadableHistory_saysSoAndShowsTheLastChange() throws Exception {
    Runs.publish(dir, record("a", LearnerState.RUNNING, "j2-b", 40, 0.5, 1, UPDATED));
    Files.writeString(dir.resolve("history.tsv"), "not\ta history line\n");

    Cli.Result result = Cli.run("status", dir.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines().get(1)).endsWith("  10s ago");
    assertThat(result.err()).startsWith("status: cannot read the progress history of the run in '"
        + dir + "'").endsWith("; the heartbeat column shows when each record last changed"
        + " instead\n");
  }

  @Test
  void status_cancelledLearner_widensTheStateColumnAndIsCounted() {
    Runs.publish(dir, record("a", LearnerState.CANCELLED, "", 5, 0.5, 0, UPDATED),
        record("b", LearnerState.DONE, "", 7, 0.25, 0, UPDATED));

    assertThat(Cli.run("status", dir.toString()).outLines()).containsExactly(
        "learner  state      job     points          loss  fails  heartbeat",
        "a        cancelled  -            5      0.500000      0  10s ago",
        "b        done       -            7      0.250000      0  10s ago",
        dir.getFileName() + " in " + dir + ": 2 learners: 1 done, 0 running, 0 pending, 0 failed,"
            + " 1 cancelled; no run manager is running on it");
  }

  @Test
  void status_storeOption_sameAsPositional() {
    Runs.publish(dir, record("a", LearnerState.DONE, "", 5, 0.5, 0, UPDATED));

    assertThat(Cli.run("status", "--store", dir.toString()).out())
        .isEqualTo(Cli.run("status", dir.toString()).out())
        .contains("a        done     -            5      0.500000      0  10s ago");
  }

  @Test
  void status_finishedRun_everyLearnerDone() {
    Path run = dir.resolve("t");
    Runs.finished(run);

    Cli.Result result = Cli.run("status", run.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines()).hasSize(4);
    assertThat(result.outLines().get(1)).startsWith(Runs.SQUARE + "  done     -           50  ");
    assertThat(result.outLines().get(2)).startsWith(Runs.SINE + "    done     -           30  ");
    assertThat(result.outLines().get(3)).isEqualTo("t in " + run + ": 2 learners: 2 done,"
        + " 0 running, 0 pending, 0 failed; no run manager is running on it");
  }

  @Test
  void status_json_oneObjectWithEveryLearner() {
    Runs.publish(dir, record("a\"b", LearnerState.PENDING, "", 0, Double.POSITIVE_INFINITY, 0, 0),
        record("c", LearnerState.DONE, "", 7, 0.25, 0, UPDATED));

    Cli.Result result = Cli.run("status", "--json", dir.toString());

    assertThat(result.exit()).isZero();
    assertThat(result.outLines()).hasSize(1);
    assertThat(result.out())
        .startsWith("{\"experiment\":\"" + dir.getFileName() + "\",\"directory\":\"" + dir
            + "\",\"live\":false,\"publishedMillis\":")
        .contains("\"learners\":[{\"name\":\"a\\\"b\",\"kind\":\"learner1D\",\"state\":"
            + "\"pending\",\"job\":\"\",\"npoints\":0,\"loss\":null,")
        .contains("{\"name\":\"c\",\"kind\":\"learner1D\",\"state\":\"done\",\"job\":\"\","
            + "\"npoints\":7,\"loss\":0.25,\"failures\":0,\"elapsedNanos\":1000000,"
            + "\"updatedMillis\":1700000000000,\"heartbeatMillis\":1700000000000,\"goal\":\"points(50)\",\"lastError\":\"\"}],"
            + "\"removed\":[]}");
  }

  @Test
  void status_learnersNoLongerInThePlan_areListedAfterTheCounts_andInTheJson() throws Exception {
    Runs.publish(dir, record("a", LearnerState.DONE, "", 7, 0.25, 0, UPDATED));
    StatusFile.write(dir.resolve("removed.tsv"), List.of(
        record("b", LearnerState.DONE, "", 30, 0.5, 0, UPDATED),
        record("c", LearnerState.CANCELLED, "", 4, 0.5, 0, UPDATED)));

    assertThat(Cli.run("status", dir.toString()).outLines()).containsExactly(
        "learner  state    job     points          loss  fails  heartbeat",
        "a        done     -            7      0.250000      0  10s ago",
        dir.getFileName() + " in " + dir + ": 1 learner: 1 done, 0 running, 0 pending, 0 failed;"
            + " no run manager is running on it",
        "not in the plan, kept in the store: b (done, 30 points), c (cancelled, 4 points)");
    assertThat(Cli.run("status", "--json", dir.toString()).out()).contains("\"removed\":["
        + "{\"name\":\"b\",\"state\":\"done\",\"npoints\":30},"
        + "{\"name\":\"c\",\"state\":\"cancelled\",\"npoints\":4}]}");
  }

  @Test
  void status_startedRunWithoutStatus_saysSo() throws Exception {
    Files.writeString(dir.resolve("run.db"), "");

    Cli.Result result = Cli.run("status", dir.toString());

    assertThat(result.exit()).isZero();
    assertThat(result.outLines()).containsExactly(dir.getFileName() + " in " + dir
        + ": no learners published yet; no run manager is running on it");
  }

  // ---- errors --------------------------------------------------------------------------------

  @Test
  void status_notARunDirectory_exitsOneSayingWhatWasExpected() {
    Cli.Result result = Cli.run("status", dir.toString());

    assertThat(result.exit()).isEqualTo(AdaptiveCli.PROBLEM);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).containsExactly("adaptive status: '" + dir + "' is not a run"
        + " directory: it has neither status.tsv nor run.db; a run directory is created by"
        + " Runner.run(plan) in the directory given to Runner.store(..), default"
        + " runs/<experiment>");
  }

  @Test
  void status_noDirectory_isAUsageErrorSayingHowToGiveIt() {
    Cli.Result result = Cli.run("status");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(result.errLines()).containsExactly("adaptive status: which run? give its"
        + " directory, e.g. adaptive status runs/peaks (or --store runs/peaks); the current"
        + " directory is not a run directory", "see: adaptive status --help");
  }

  @Test
  void status_secondArgument_isAUsageError() {
    Runs.publish(dir, record("a", LearnerState.DONE, "", 5, 0.5, 0, UPDATED));

    Cli.Result result = Cli.run("status", "--store", dir.toString(), "extra");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(result.errLines().get(0)).isEqualTo("adaptive status: unexpected argument 'extra'"
        + " after the run directory '" + dir + "'; adaptive status takes only the run directory");
  }

  // ---- age -----------------------------------------------------------------------------------

  @Test
  void age_roundsDownToTheLargestUnit() {
    assertThat(StatusCommand.age(0, 5_000)).isEqualTo("never");
    assertThat(StatusCommand.age(1_000, 1_000)).isEqualTo("0s ago");
    assertThat(StatusCommand.age(1_000, 60_999)).isEqualTo("59s ago");
    assertThat(StatusCommand.age(1_000, 61_000)).isEqualTo("1m ago");
    assertThat(StatusCommand.age(1_000, 1_000 + 3_600_000)).isEqualTo("1h ago");
    assertThat(StatusCommand.age(1_000, 1_000 + 48 * 3_600_000L)).isEqualTo("2d ago");
    assertThat(StatusCommand.age(5_000, 1_000)).as("a clock ahead of ours").isEqualTo("0s ago");
  }
}
