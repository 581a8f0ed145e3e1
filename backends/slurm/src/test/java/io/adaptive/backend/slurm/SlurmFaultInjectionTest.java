/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.adaptive.backend.batch.SubmissionException;
import io.adaptive.plan.ResourceShape;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SLURM backend against fake {@code sbatch}, {@code squeue} and {@code scancel} that keep
 * their jobs in files and fail on demand: transient and permanent submit errors, a submission
 * that times out after making its job, a hanging or garbled {@code squeue}, batched cancels.
 */
final class SlurmFaultInjectionTest {

  @TempDir Path directory;
  private Path state;
  private Path run;
  private Path java;
  private BackendSession session;

  @BeforeEach
  void fakes() throws IOException {
    state = directory.resolve("state");
    run = directory.resolve("run");
    Files.createDirectories(state);
    java = FakeWorker.install(directory.resolve("worker"));
    Path bin = directory.resolve("bin");
    executable(bin.resolve("sbatch"), """
        echo "$*" >> "$S/sbatch.calls"
        n=$(cat "$S/sbatch.fail" 2>/dev/null || echo 0)
        if [ "$n" -gt 0 ]; then
          echo $((n - 1)) > "$S/sbatch.fail"
          cat "$S/sbatch.message" >&2
          exit 1
        fi
        script="${@: -1}"
        id=$(( $(cat "$S/next" 2>/dev/null || echo 100) + 1 )); echo "$id" > "$S/next"
        name=$(sed -n 's/^#SBATCH --job-name=//p' "$script")
        comment=$(sed -n 's/^#SBATCH --comment=//p' "$script")
        echo "$id|$name|PENDING|Priority||$comment" >> "$S/jobs"
        [ ! -e "$S/sbatch.hang" ] || sleep 60
        echo "$id"
        """);
    executable(bin.resolve("squeue"), """
        echo "$*" >> "$S/squeue.calls"
        case "$(cat "$S/squeue.mode" 2>/dev/null)" in
          hang) sleep 60 ;;
          garbage) echo '<html>502 Bad Gateway</html>'; exit 0 ;;
          down) echo 'slurm_load_jobs error: Unable to contact slurm controller (connect failure)' >&2; exit 1 ;;
        esac
        cat "$S/jobs" 2>/dev/null
        exit 0
        """);
    executable(bin.resolve("scancel"), """
        for id in "$@"; do
          sed -i "s/^$id|\\([^|]*\\)|[A-Z_]*|/$id|\\1|CANCELLED|/" "$S/jobs"
        done
        echo "$*" >> "$S/scancel.calls"
        """);
    session = Slurm.backend().executables(bin).commandTimeout(Duration.ofSeconds(3))
        .exitFileGrace(Duration.ofSeconds(1)).open();
  }

  @AfterEach
  void close() {
    session.close();
  }

  private void executable(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/usr/bin/env bash\nS='" + state + "'\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private JobRequest request(String job) {
    return FakeWorker.request(run, job, FakeWorker.shape(1, 1, Duration.ofMinutes(10)), java,
        "exit0");
  }

  private List<String> lines(String file) throws IOException {
    Path path = state.resolve(file);
    return Files.exists(path) ? Files.readAllLines(path) : List.of();
  }

  private void set(String file, String content) throws IOException {
    Files.writeString(state.resolve(file), content);
  }

  // ---------------------------------------------------------------------------------- submit

  @Test
  void submit_sbatchFailsTwiceTransiently_makesOneJobWithoutFailure() throws IOException {
    set("sbatch.fail", "2");
    set("sbatch.message", "sbatch: error: Batch job submission failed: Socket timed out on"
        + " send/recv operation\n");

    String id = session.submit(request("j1-x"));

    assertThat(id).isEqualTo("101");
    assertThat(lines("sbatch.calls")).hasSize(3);
    assertThat(lines("jobs")).hasSize(1);
  }

  @Test
  void submit_transientErrorEveryTime_givesUpAfterFiveAttempts() throws IOException {
    set("sbatch.fail", "99");
    set("sbatch.message", "sbatch: error: Batch job submission failed: Unable to contact slurm"
        + " controller (connect failure)\n");

    assertThatThrownBy(() -> session.submit(request("j1-x")))
        .isInstanceOf(SubmissionException.class)
        .hasMessageStartingWith("sbatch failed 5 times for learner 'peak[a=1] peak[a=2]' with"
            + " errors that usually pass (a busy or unreachable controller, a per-user limit);"
            + " the last one:\n  sbatch: error: Batch job submission failed: Unable to contact"
            + " slurm controller (connect failure)\n  fix: check that the scheduler answers,"
            + " e.g. squeue --noheader --array --states=all --users=");
    assertThat(lines("sbatch.calls")).hasSize(5);
  }

  @Test
  void submit_invalidPartition_failsAtOnceWithValueAndFix() throws IOException {
    set("sbatch.fail", "1");
    set("sbatch.message", "sbatch: error: invalid partition specified: nosuch\n"
        + "sbatch: error: Batch job submission failed: Invalid partition name specified\n");
    ResourceShape d = FakeWorker.shape(1, 1, Duration.ofMinutes(10));
    ResourceShape nosuch = new ResourceShape(d.cores(), d.nodes(), d.tasks(), d.memory(),
        d.walltime(), "nosuch", "", "", 0, false, "", new TreeMap<>(), List.of(), List.of());
    JobRequest request = FakeWorker.request(run, "j1-x", nosuch, java, "exit0");

    assertThatThrownBy(() -> session.submit(request))
        .isInstanceOf(SubmissionException.class)
        .hasMessage("sbatch refused learner 'peak[a=1] peak[a=2]' (exit code 1)\n"
            + "  sbatch: error: invalid partition specified: nosuch\n"
            + "  sbatch: error: Batch job submission failed: Invalid partition name specified\n"
            + "  from resources(): partition 'nosuch'\n"
            + "  fix: use a partition that exists (sinfo --summarize lists them, the default"
            + " marked *), or leave partition(..) out for the default\n"
            + "  script kept at " + run.resolve("jobs/j1-x.sbatch"))
        .extracting(e -> ((SubmissionException) e).learner()).isEqualTo("peak[a=1] peak[a=2]");
    assertThat(lines("sbatch.calls")).hasSize(1);
    assertThat(run.resolve("jobs/j1-x.sbatch")).exists();
  }

  @Test
  void submit_timesOutAfterMakingTheJob_findsItInsteadOfSubmittingAgain() throws IOException {
    set("sbatch.hang", "");

    String id = session.submit(request("j1-x"));

    assertThat(id).isEqualTo("101");
    assertThat(lines("sbatch.calls")).hasSize(1);
    assertThat(lines("jobs")).hasSize(1);
  }

  // ------------------------------------------------------------------------------------ poll

  @Test
  void poll_manyJobs_oneSqueueCall() throws IOException {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      ids.add(session.submit(request("j" + i + "-x")));
    }
    int before = lines("squeue.calls").size();

    var statuses = session.poll();

    assertThat(lines("squeue.calls")).hasSize(before + 1);
    assertThat(statuses).containsOnlyKeys(ids);
    assertThat(statuses.values()).extracting(JobStatus::state).containsOnly(JobState.QUEUED);
    assertThat(statuses.get("101").detail()).isEqualTo("PENDING (Priority)");
  }

  @Test
  void poll_squeueTimesOut_keepsTheLastStatusMarkedStale() throws IOException {
    String id = session.submit(request("j1-x"));
    session.poll();
    set("squeue.mode", "hang");

    JobStatus stale = session.poll().get(id);
    set("squeue.mode", "");
    JobStatus fresh = session.poll().get(id);

    assertThat(stale.state()).isEqualTo(JobState.QUEUED);
    assertThat(stale.detail()).startsWith("PENDING (Priority); stale: the status query failed at")
        .endsWith("(squeue timed out: (killed after its timeout of 3000 ms)), so nothing is"
            + " concluded from it");
    assertThat(fresh).isEqualTo(new JobStatus(id, JobState.QUEUED, -1, "PENDING (Priority)",
        false));
  }

  @Test
  void poll_garbage_saysSoInTheDetailAndLosesNothing() throws IOException {
    String id = session.submit(request("j1-x"));
    set("squeue.mode", "garbage");

    JobStatus status = session.poll().get(id);

    assertThat(status.state()).isEqualTo(JobState.QUEUED);
    assertThat(status.detail()).contains("stale: the status query failed at ")
        .contains("(squeue printed '<html>502 Bad Gateway</html>', not"
            + " '<id>|<name>|<state>|<reason>|<nodes>|<comment>' as asked by"
            + " --format=%i|%j|%T|%r|%N|%k), so nothing is concluded from it");
  }

  @Test
  void poll_controllerDown_neverConcludesAJobDied() throws IOException {
    String id = session.submit(request("j1-x"));
    set("jobs", "");
    set("squeue.mode", "down");

    for (int i = 0; i < 3; i++) {
      assertThat(session.poll().get(id).state()).isEqualTo(JobState.QUEUED);
    }
  }

  @Test
  void poll_exitFileWhileSqueueFails_isStillTheOutcome() throws IOException {
    String id = session.submit(request("j1-x"));
    set("squeue.mode", "down");
    Files.writeString(run.resolve("jobs/j1-x.exit"), "3\n");

    JobStatus status = session.poll().get(id);

    assertThat(status).isEqualTo(new JobStatus(id, JobState.EXITED, 3,
        "exit file: 3", false));
  }

  @Test
  void poll_jobOfAnotherRunWithTheSameId_isNotTaken() throws IOException {
    String id = session.submit(request("j1-x"));
    set("jobs", id + "|as9zzz-1|RUNNING|None|cn1|adaptive:run=9zzz;job=j1-x\n");

    JobStatus status = session.poll().get(id);

    assertThat(status.state()).isEqualTo(JobState.QUEUED);
    assertThat(status.detail()).isEqualTo("no longer listed by the scheduler; waiting up to 1 s"
        + " for its exit file");
  }

  // ----------------------------------------------------------------------------------- adopt

  @Test
  void adopt_restartedSession_oneQueryForAllJobsAndItsOwnVerdicts() throws IOException {
    String alive = session.submit(request("j1-x"));
    String ended = session.submit(request("j2-x"));
    String gone = session.submit(request("j3-x"));
    Files.writeString(run.resolve("jobs/j2-x.exit"), "0\n");
    set("jobs", lines("jobs").stream().filter(line -> !line.startsWith(gone + "|"))
        .map(line -> line + "\n").reduce("", String::concat));
    int before = lines("squeue.calls").size();
    BackendSession restarted = Slurm.backend().executables(directory.resolve("bin")).open();
    try {
      assertThat(restarted.adopt(alive, request("j1-x"))).isTrue();
      assertThat(restarted.adopt(ended, request("j2-x"))).isFalse();
      assertThat(restarted.adopt(gone, request("j3-x"))).isFalse();
      assertThat(lines("squeue.calls")).hasSize(before + 1);
      assertThat(restarted.poll()).containsOnlyKeys(alive);
    } finally {
      restarted.close();
    }
  }

  @Test
  void adopt_squeueDown_keepsTrackingUntilThePollsKnow() throws IOException {
    String id = session.submit(request("j1-x"));
    set("squeue.mode", "down");
    BackendSession restarted = Slurm.backend().executables(directory.resolve("bin")).open();
    try {
      assertThat(restarted.adopt(id, request("j1-x"))).isTrue();
    } finally {
      restarted.close();
    }
  }

  // ---------------------------------------------------------------------------------- cancel

  @Test
  void cancel_150Jobs_fewScancelCallsOfAtMost100IdsAndAllEnd() throws IOException {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 150; i++) {
      ids.add(session.submit(request("j" + i + "-x")));
    }

    ids.forEach(session::cancel);

    await().atMost(Duration.ofSeconds(20)).until(() -> cancelled().size() == 150);
    assertThat(cancelled()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(lines("scancel.calls")).hasSizeBetween(2, 4)
        .allSatisfy(call -> assertThat(call.split(" ").length).isLessThanOrEqualTo(100));
    var statuses = session.poll();
    assertThat(ids).allSatisfy(id -> assertThat(statuses.get(id)).isEqualTo(new JobStatus(id,
        JobState.EXITED, 143, "CANCELLED (Priority), as this run asked; no exit file, its"
            + " script never started", false)));
  }

  private List<String> cancelled() throws IOException {
    return lines("scancel.calls").stream().flatMap(call -> Stream.of(call.split(" "))).toList();
  }

  @Test
  void kill_usesTheKillSignal() throws IOException {
    String id = session.submit(request("j1-x"));

    session.kill(id);

    await().atMost(Duration.ofSeconds(20)).until(() -> lines("scancel.calls").size() == 1);
    assertThat(lines("scancel.calls")).containsExactly("--signal=KILL --full " + id);
  }

  @Test
  void close_cancelsWhatStillRuns() throws IOException {
    String first = session.submit(request("j1-x"));
    String second = session.submit(request("j2-x"));

    session.close();

    assertThat(lines("scancel.calls")).containsExactly(first + " " + second);
  }

  @Test
  void close_aJobWhoseWorkerHasEnded_isLeftToEndByItself() throws IOException {
    String ending = session.submit(request("j1-x"));
    String running = session.submit(request("j2-x"));
    // The last learner reported its goal; its worker has exited and the wrapper wrote the exit
    // file, but the scheduler has not shown the job ended yet.
    Files.writeString(run.resolve("jobs").resolve("j1-x.exit"), "0\n");

    session.close();

    assertThat(lines("scancel.calls")).containsExactly(running);
    assertThat(lines("scancel.calls").get(0)).doesNotContain(ending);
  }
}
