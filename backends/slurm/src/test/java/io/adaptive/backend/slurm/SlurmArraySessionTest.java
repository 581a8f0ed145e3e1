/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.adaptive.backend.batch.SubmissionException;
import io.adaptive.plan.ResourceShape;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import io.adaptive.runtime.spi.PartialSubmissionException;
import io.adaptive.runtime.spi.WorkerLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SLURM session with job arrays against fake {@code sbatch} and {@code squeue}: which jobs go
 * into which array, the ids each request gets, the files an array leaves, and what a refused or
 * timed-out submission does. The fake sbatch lists every task of an array it accepts as
 * {@code <id>_<index>}, as squeue --array does.
 */
final class SlurmArraySessionTest {

  @TempDir Path directory;
  private Path state;
  private Path run;
  private Path bin;
  private BackendSession session;

  @BeforeEach
  void fakes() throws IOException {
    state = Files.createDirectories(directory.resolve("state"));
    run = directory.resolve("run");
    bin = directory.resolve("bin");
    executable(bin.resolve("sbatch"), """
        script="${@: -1}"
        echo "$(basename "$script")" >> "$S/sbatch.calls"
        if grep -q -- '--partition=nosuch' "$script"; then
          echo 'sbatch: error: Batch job submission failed: Invalid partition name specified' >&2
          exit 1
        fi
        id=$(( $(cat "$S/next" 2>/dev/null || echo 100) + 1 )); echo "$id" > "$S/next"
        name=$(sed -n 's/^#SBATCH --job-name=//p' "$script")
        comment=$(sed -n 's/^#SBATCH --comment=//p' "$script")
        last=$(sed -n 's/^#SBATCH --array=0-//p' "$script")
        if [ -n "$last" ]; then
          for i in $(seq 0 "$last"); do
            echo "${id}_$i|$name|PENDING|Priority||$comment" >> "$S/jobs"
          done
        else
          echo "$id|$name|PENDING|Priority||$comment" >> "$S/jobs"
        fi
        [ ! -e "$S/sbatch.hang" ] || sleep 60
        echo "$id"
        """);
    executable(bin.resolve("squeue"), """
        echo "$*" >> "$S/squeue.calls"
        cat "$S/jobs" 2>/dev/null
        exit 0
        """);
    executable(bin.resolve("scancel"), """
        echo "$*" >> "$S/scancel.calls"
        """);
    session = open(Slurm.backend().jobArrays(true));
  }

  private BackendSession open(SlurmBackend backend) {
    return backend.executables(bin).commandTimeout(Duration.ofSeconds(3))
        .exitFileGrace(Duration.ofSeconds(1)).open();
  }

  @AfterEach
  void close() {
    session.close();
  }

  // ------------------------------------------------------------------------------- grouping

  @Test
  void submitAll_sameShapeTogether_otherShapeAlone_idsInRequestOrder() throws IOException {
    List<JobRequest> requests = List.of(request(0, SMALL), request(1, SMALL), request(2, LARGE),
        request(3, SMALL));

    List<String> ids = session.submitAll(requests);

    assertThat(ids).containsExactly("101_0", "101_1", "102", "101_2");
    assertThat(lines("sbatch.calls")).containsExactly("j0-x-array.sbatch", "j2-x.sbatch");
    Path jobs = run.resolve("jobs");
    assertThat(Files.readString(jobs.resolve("j0-x-array.sbatch")))
        .contains("#SBATCH --array=0-2\n").contains("  2) # job j3-x of learner l3\n");
    assertThat(Files.readSymbolicLink(jobs.resolve("j3-x.sbatch")))
        .isEqualTo(Path.of("j0-x-array.sbatch"));
    assertThat(Files.readSymbolicLink(jobs.resolve("j0-x-array.2.log")))
        .isEqualTo(run.resolve("logs/l3.j3-x.log").toAbsolutePath());
    assertThat(Files.isDirectory(run.resolve("logs"))).isTrue();
  }

  @Test
  void submitAll_moreThanMaxArrayTasks_isSplit() throws IOException {
    session.close();
    session = open(Slurm.backend().jobArrays(true).maxArrayTasks(2));
    List<JobRequest> requests = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      requests.add(request(i, SMALL));
    }

    List<String> ids = session.submitAll(requests);

    assertThat(ids).containsExactly("101_0", "101_1", "102_0", "102_1", "103");
    assertThat(lines("sbatch.calls"))
        .containsExactly("j0-x-array.sbatch", "j2-x-array.sbatch", "j4-x.sbatch");
  }

  @Test
  void submitAll_arraysOff_oneSbatchPerJob() throws IOException {
    session.close();
    session = open(Slurm.backend());

    List<String> ids = session.submitAll(List.of(request(0, SMALL), request(1, SMALL)));

    assertThat(ids).containsExactly("101", "102");
    assertThat(lines("sbatch.calls")).containsExactly("j0-x.sbatch", "j1-x.sbatch");
  }

  // ---------------------------------------------------------------------------------- polls

  @Test
  void poll_eachTaskHasItsOwnStatus_fromOneSqueue() throws IOException {
    List<String> ids = session.submitAll(List.of(request(0, SMALL), request(1, SMALL)));
    // Task 1 starts on cn01; task 0 still waits.
    Files.writeString(state.resolve("jobs"), Files.readString(state.resolve("jobs"))
        .replaceFirst("101_1\\|([^|]*)\\|PENDING\\|Priority\\|\\|",
            "101_1|$1|RUNNING|None|cn01|"));

    Map<String, JobStatus> statuses = session.poll();

    assertThat(statuses.get(ids.get(0)).state()).isEqualTo(JobState.QUEUED);
    assertThat(statuses.get(ids.get(1)).state()).isEqualTo(JobState.RUNNING);
    assertThat(statuses.get(ids.get(1)).detail()).isEqualTo("RUNNING on cn01");
    assertThat(lines("squeue.calls")).hasSize(1);
  }

  @Test
  void cancel_oneTask_scancelsThatTaskOnly() throws Exception {
    List<String> ids = session.submitAll(List.of(request(0, SMALL), request(1, SMALL)));

    session.cancel(ids.get(1));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> !lines("scancel.calls").isEmpty());

    assertThat(lines("scancel.calls")).containsExactly("101_1");
  }

  // ------------------------------------------------------------------------------- failures

  @Test
  void submitAll_oneShapeRefused_failsOnlyItsJobs_theArrayIsSubmitted() throws IOException {
    List<JobRequest> requests = List.of(request(0, SMALL), request(1, NOSUCH),
        request(2, SMALL), request(3, NOSUCH));

    PartialSubmissionException e = catchThrowableOfType(() -> session.submitAll(requests),
        PartialSubmissionException.class);

    assertThat(e.jobIds()).containsExactly("101_0", "", "101_1", "");
    assertThat(e.failures()).containsOnlyKeys(1, 3);
    assertThat(e.failures().get(1)).isSameAs(e.failures().get(3))
        .isInstanceOf(SubmissionException.class)
        .hasMessage("sbatch refused the job array of 2 jobs for learners 'l1', 'l3' (exit code"
            + " 1)\n"
            + "  sbatch: error: Batch job submission failed: Invalid partition name specified\n"
            + "  from resources(): partition 'nosuch'\n"
            + "  fix: use a partition that exists (sinfo --summarize lists them, the default"
            + " marked *), or leave partition(..) out for the default\n"
            + "  script kept at " + run.resolve("jobs/j1-x-array.sbatch"));
    assertThat(((SubmissionException) e.failures().get(1)).learner()).isEqualTo("l1 l3");
  }

  @Test
  void submitAll_sbatchTimesOutAfterMakingTheArray_findsItInsteadOfSubmittingAgain()
      throws IOException {
    Files.writeString(state.resolve("sbatch.hang"), "");

    List<String> ids = session.submitAll(List.of(request(0, SMALL), request(1, SMALL),
        request(2, SMALL)));

    assertThat(ids).containsExactly("101_0", "101_1", "101_2");
    assertThat(lines("sbatch.calls")).hasSize(1);
  }

  // -------------------------------------------------------------------------------- fixtures

  private static final ResourceShape SMALL = FakeWorker.shape(1, 1, Duration.ofMinutes(10));
  private static final ResourceShape LARGE = FakeWorker.shape(2, 1, Duration.ofMinutes(10));
  private static final ResourceShape NOSUCH = new ResourceShape(1, 1, 1, SMALL.memory(),
      SMALL.walltime(), "nosuch", "", "", 0, false, "", new TreeMap<>(), List.of(), List.of());

  private JobRequest request(int i, ResourceShape shape) {
    String job = "j" + i + "-x";
    Map<String, String> environment = Map.of("ADAPTIVE_LEARNER", "l" + i, "ADAPTIVE_JOB", job);
    WorkerLaunch launch = new WorkerLaunch() {
      @Override
      public List<String> command() {
        return List.of("/opt/jdk/bin/java", "-cp", "/opt/app.jar", "Main");
      }

      @Override
      public Map<String, String> environment() {
        return new TreeMap<>(environment);
      }

      @Override
      public int runInThisJvm() {
        throw new UnsupportedOperationException();
      }
    };
    return new JobRequest("l" + i, job, shape, run, launch,
        run.resolve("logs").resolve("l" + i + "." + job + ".log"));
  }

  private void executable(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/usr/bin/env bash\nS='" + state + "'\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private List<String> lines(String file) throws IOException {
    Path path = state.resolve(file);
    return Files.exists(path) ? Files.readAllLines(path) : List.of();
  }
}
