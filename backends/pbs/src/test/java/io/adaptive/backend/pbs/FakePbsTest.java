/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adaptive.backend.pbs.fake.FakePbs;
import io.adaptive.backend.pbs.fake.FakePbsServer;
import io.adaptive.backend.pbs.fake.FakePbsServer.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake PBS itself: its formats against the documented ones, and its jobs as real processes. */
final class FakePbsTest {

  @TempDir Path dir;
  private FakePbsServer pbs;
  private Path work;
  private final String user = System.getProperty("user.name");

  @BeforeEach
  void install() throws Exception {
    pbs = FakePbsServer.install(dir.resolve("pbs"));
    work = Files.createDirectories(dir.resolve("work"));
  }

  @AfterEach
  void stop() throws Exception {
    pbs.close();
  }

  private Path script(String name, String body) throws Exception {
    Path file = work.resolve(name);
    Files.writeString(file, "#!/bin/bash\n" + body);
    return file;
  }

  private String submit(String... args) throws Exception {
    Result r = pbs.run(work, concat("qsub", args));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).matches("[0-9]+\\.fakepbs\n");
    return r.stdout().strip();
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static long seq(String id) {
    return Long.parseLong(id.substring(0, id.indexOf('.')));
  }

  private void awaitState(String id, String letter) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
        .until(() -> letter.equals(pbs.state(seq(id))));
  }

  private QstatJob qstatX(String id) throws Exception {
    Result r = pbs.run(work, "qstat", "-f", "-x", id);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    List<QstatJob> jobs = QstatParser.parse(r.stdout());
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  // ---- the layout, byte for byte ----

  @Test
  void block_theDocumentedSampleAttributes_printsTheSampleByteForByte() {
    String sample = Fixtures.read("qstat/openpbs.txt");
    StringBuilder printed = new StringBuilder();
    for (QstatJob job : QstatParser.parse(sample)) {
      printed.append(FakePbs.block(job.id(), job.attributes()));
    }
    assertThat(printed.toString()).isEqualTo(sample);
  }

  @Test
  void qstat_aConstructedHeldJob_printsTheOpenPbsLayoutByteForByte() throws Exception {
    pbs.clock(1_795_794_344L).holdNext(1); // Fri Nov 27 15:45:44 2026 UTC
    Path script = script("hello.sh", "#PBS -N hello\n#PBS -l walltime=00:10:00\n"
        + "#PBS -l select=1:ncpus=2:mem=512mb\n#PBS -j oe\n#PBS -r n\n#PBS -m n\necho hi\n");
    String id = submit("-v", "ADAPTIVE_JOB_COMMENT=adaptive:run=7k2q;job=j1-abc", script.toString());

    Result r = pbs.run(work, "qstat", "-f", id);
    String at = java.time.format.DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
        java.util.Locale.ROOT).withZone(java.time.ZoneId.systemDefault())
        .format(java.time.Instant.ofEpochSecond(1_795_794_344L));

    String variables = "PBS_O_HOME=" + System.getenv("HOME") + ",PBS_O_LOGNAME=" + user
        + ",PBS_O_PATH=" + System.getenv("PATH") + ",PBS_O_SHELL=/bin/bash,PBS_O_WORKDIR=" + work
        + ",PBS_O_HOST=localhost,PBS_O_QUEUE=workq,ADAPTIVE_JOB_COMMENT=adaptive:run=7k2q;job=j1-abc";
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("Job_Name", "hello");
    expected.put("Job_Owner", user + "@localhost");
    expected.put("job_state", "H");
    expected.put("queue", "workq");
    expected.put("server", "fakepbs");
    expected.put("Checkpoint", "u");
    expected.put("ctime", at);
    expected.put("Error_Path", "localhost:" + work + "/hello.e1");
    expected.put("Hold_Types", "u");
    expected.put("Join_Path", "oe");
    expected.put("Keep_Files", "n");
    expected.put("Mail_Points", "n");
    expected.put("mtime", at);
    expected.put("Output_Path", "localhost:" + work + "/hello.o1");
    expected.put("Priority", "0");
    expected.put("qtime", at);
    expected.put("Rerunable", "False");
    expected.put("Resource_List.mem", "524288kb");
    expected.put("Resource_List.ncpus", "2");
    expected.put("Resource_List.nodect", "1");
    expected.put("Resource_List.select", "1:ncpus=2:mem=512mb");
    expected.put("Resource_List.walltime", "00:10:00");
    expected.put("Variable_List", variables);
    expected.put("comment", "Job held by " + user + " on " + at);
    expected.put("etime", at);
    expected.put("Submit_arguments", "-v ADAPTIVE_JOB_COMMENT=adaptive:run=7k2q;job=j1-abc "
        + script);
    // Written out by hand (not with FakePbs.block): 4-space indents, cut at 79, TAB + 72.
    StringBuilder text = new StringBuilder("Job Id: 1.fakepbs\n");
    expected.forEach((k, v) -> {
      String line = "    " + k + " = " + v;
      text.append(line, 0, Math.min(79, line.length())).append('\n');
      for (int cut = 79; cut < line.length(); cut += 72) {
        text.append('\t').append(line, cut, Math.min(cut + 72, line.length())).append('\n');
      }
    });
    text.append('\n');
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).isEqualTo(text.toString());
    assertThat(r.stdout()).as("a long Variable_List is wrapped").contains("\n\t");
    assertThat(r.stdout().lines()).allSatisfy(line -> assertThat(line)
        .matches("(Job Id: \\S+|    \\S+ = .*|\t.+|)"));
    QstatJob parsed = QstatParser.parse(r.stdout()).get(0);
    assertThat(parsed.attributes()).isEqualTo(expected);
    assertThat(PbsScheduler.comment(parsed)).isEqualTo("adaptive:run=7k2q;job=j1-abc");
  }

  @Test
  void qsub_runsTheScriptWithThePbsEnvironment_inTheFakeHome_andCopiesItsOutput() throws Exception {
    Path script = script("env.sh", "#PBS -N envjob\n#PBS -l select=1:ncpus=2:mpiprocs=2\n"
        + "#PBS -j oe\n#PBS -o " + work.resolve("out/env.log") + "\n"
        + "echo \"id=$PBS_JOBID name=$PBS_JOBNAME workdir=$PBS_O_WORKDIR pwd=$(pwd)\"\n"
        + "echo \"tmp=$TMPDIR\"; test -d \"$TMPDIR\" && echo tmp-exists\n"
        + "echo \"nodes=$(tr '\\n' ' ' < $PBS_NODEFILE)\"\n"
        + "echo \"foreign=${FOREIGN_VARIABLE:-unset} sid=$(ps -o sid= -p $$ | tr -d ' ') pid=$$\"\n"
        + "echo to-stderr >&2\nexit 3\n");
    String id = submit(script.toString());

    awaitState(id, "F");

    QstatJob job = qstatX(id);
    assertThat(job.state()).isEqualTo("F");
    assertThat(job.exitStatus()).hasValue(3);
    String out = Files.readString(work.resolve("out/env.log"));
    assertThat(out).contains("id=" + id + " name=envjob workdir=" + work + " pwd=" + pbs.home())
        .contains("tmp-exists").contains("nodes=localhost localhost ")
        .contains("foreign=unset").contains("to-stderr");
    String sid = out.replaceAll("(?s).*sid=(\\d+) pid=(\\d+).*", "$1 $2");
    assertThat(sid.split(" ")[0]).as("the script leads its own session").isEqualTo(sid.split(" ")[1]);
  }

  @Test
  void qsub_withoutO_writesNameDotOSeqInTheSubmitDirectory() throws Exception {
    String id = submit("-N", "plain", script("p.sh", "echo plain-output\n").toString());
    awaitState(id, "F");
    assertThat(work.resolve("plain.o" + seq(id))).hasContent("plain-output");
    assertThat(work.resolve("plain.e" + seq(id))).exists();
  }

  @Test
  void qsub_goesThroughQueuedRunningExitingFinished() throws Exception {
    pbs.queueDelay(Duration.ofMillis(1500));
    String id = submit(script("s.sh", "sleep 2\n").toString());
    assertThat(pbs.state(seq(id))).isEqualTo("Q");
    awaitState(id, "R");
    awaitState(id, "E");
    awaitState(id, "F");
    assertThat(qstatX(id).exitStatus()).hasValue(0);
  }

  @Test
  void qsub_badInput_isRefusedLikePbs() throws Exception {
    Path s = script("x.sh", "true\n");
    Result name = pbs.run(work, "qsub", "-N", "1bad", s.toString());
    Result queue = pbs.run(work, "qsub", "-q", "nosuch", s.toString());
    Result option = pbs.run(work, "qsub", "-Z", s.toString());

    assertThat(name.exitCode()).isNotZero();
    assertThat(name.stderr()).isEqualTo("qsub: illegal -N value\n");
    assertThat(queue.stderr()).isEqualTo("qsub: Unknown queue\n");
    assertThat(option.stderr()).startsWith("qsub: invalid option -- 'Z'\n");
    assertThat(pbs.submitted()).isZero();
  }

  // ---- qstat and qdel messages ----

  @Test
  void qstat_unknownAndFinishedIds_stderrAndNonZero_othersStillPrinted() throws Exception {
    pbs.holdNext(1);
    String held = submit(script("h.sh", "true\n").toString());
    String done = submit(script("d.sh", "true\n").toString());
    awaitState(done, "F");

    Result r = pbs.run(work, "qstat", "-f", held, "99.fakepbs", done);

    assertThat(r.exitCode()).isEqualTo(35);
    assertThat(r.stderr()).isEqualTo("qstat: Unknown Job Id 99.fakepbs\n"
        + "qstat: " + done + " Job has finished, use -x or -H to obtain historical job"
        + " information\n");
    assertThat(QstatParser.parse(r.stdout())).extracting(QstatJob::id).containsExactly(held);
    assertThat(pbs.run(work, "qstat", "-f", "-x", held, done).exitCode()).isZero();
  }

  @Test
  void qdel_runningJob_termThenExitStatus271_unknownIdRefused() throws Exception {
    Path marker = work.resolve("got-term");
    String id = submit(script("t.sh", "trap 'touch " + marker + "; exit 6' TERM\n"
        + "sleep 60 & wait\n").toString());
    awaitState(id, "R");

    Result del = pbs.run(work, "qdel", id);
    awaitState(id, "F");

    assertThat(del.exitCode()).isZero();
    assertThat(del.stdout() + del.stderr()).isEmpty();
    assertThat(marker).exists();
    assertThat(qstatX(id).exitStatus()).hasValue(271);
    Result again = pbs.run(work, "qdel", id, "42.fakepbs");
    assertThat(again.exitCode()).isNotZero();
    assertThat(again.stderr()).isEqualTo("qdel: Job has finished " + id
        + "\nqdel: Unknown Job Id 42.fakepbs\n");
  }

  @Test
  void walltime_termThenKillAfterKillDelay_exitStatus271_andTheUsageShowsTheLimit() throws Exception {
    pbs.killDelay(Duration.ofMillis(500));
    Path log = work.resolve("w.log");
    String id = submit(script("w.sh", "#PBS -l walltime=2\n#PBS -j oe\n#PBS -o " + log + "\n"
        + "trap 'echo ignoring-term' TERM\nwhile true; do sleep 0.1; done\n").toString());

    awaitState(id, "F");

    QstatJob job = qstatX(id);
    assertThat(job.exitStatus()).hasValue(271);
    assertThat(PbsStates.seconds(job.get("resources_used.walltime"))).isGreaterThanOrEqualTo(2);
    assertThat(PbsStates.read(job).state()).isEqualTo(io.adaptive.backend.batch.SchedulerState.TIMEOUT);
    assertThat(Files.readString(log)).contains("=>> PBS: job killed: walltime")
        .contains("exceeded limit 2").contains("ignoring-term");
  }

  @Test
  void qsig_kill_endsTheJobAtOnceWith265() throws Exception {
    pbs.killDelay(Duration.ofSeconds(30));
    String id = submit(script("k.sh", "trap '' TERM\nsleep 60 & wait\n").toString());
    awaitState(id, "R");
    assertThat(pbs.run(work, "qsig", "-s", "KILL", id).exitCode()).isZero();
    awaitState(id, "F");
    assertThat(qstatX(id).exitStatus()).hasValue(265);
  }

  // ---- knobs ----

  @Test
  void knobs_qsubFailsTwiceThenWorks() throws Exception {
    pbs.failQsub(2);
    Path s = script("f.sh", "true\n");
    for (int i = 0; i < 2; i++) {
      Result r = pbs.run(work, "qsub", s.toString());
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderr()).isEqualTo("Connection refused\nqsub: cannot connect to server"
          + " fakepbs (errno=15010)\n");
    }
    assertThat(submit(s.toString())).isEqualTo("1.fakepbs");
  }

  @Test
  void knobs_qstatFailsOnce_garbage_andHang() throws Exception {
    pbs.failQstat(1);
    assertThat(pbs.run(work, "qstat", "-f").exitCode()).isEqualTo(2);
    assertThat(pbs.run(work, "qstat", "-f").exitCode()).isZero();
    pbs.garbageQstat("<html>oops</html>");
    assertThat(pbs.run(work, "qstat", "-f").stdout()).isEqualTo("<html>oops</html>\n");
    pbs.garbageQstat(null).hangQstat(Duration.ofMillis(1500));
    long start = System.nanoTime();
    pbs.run(work, "qstat", "-f");
    assertThat(System.nanoTime() - start).isGreaterThan(1_500_000_000L);
  }

  @Test
  void knobs_heldJobWaitsUntilReleased() throws Exception {
    pbs.holdNext(1);
    String id = submit(script("h.sh", "true\n").toString());
    Thread.sleep(1000);
    assertThat(pbs.state(seq(id))).isEqualTo("H");
    assertThat(PbsStates.read(qstatX(id)).reason()).startsWith("held: it will not start");
    assertThat(pbs.run(work, "qrls", id).exitCode()).isZero();
    awaitState(id, "F");
  }

  @Test
  void knobs_vanishedJob_isUnknownAndItsProcessesAreGone() throws Exception {
    pbs.vanish(Duration.ofMillis(500), 1);
    String id = submit(script("v.sh", "sleep 60\n").toString());
    awaitState(id, "R");
    long session = pbs.session(seq(id));
    await().atMost(Duration.ofSeconds(30)).until(() -> pbs.state(seq(id)) == null);

    Result r = pbs.run(work, "qstat", "-f", "-x", id);
    assertThat(r.exitCode()).isEqualTo(153);
    assertThat(r.stderr()).isEqualTo("qstat: Unknown Job Id " + id + "\n");
    await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(session).isEmpty());
  }

  @Test
  void knobs_torqueMode_completedJobsAreCWithLowerCaseExitStatus_noDashX() throws Exception {
    pbs.torque();
    String id = submit(script("c.sh", "#PBS -l nodes=1:ppn=2\nexit 4\n").toString());
    awaitState(id, "C");
    Result r = pbs.run(work, "qstat", "-f", id);
    String at = java.time.format.DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
        java.util.Locale.ROOT).withZone(java.time.ZoneId.systemDefault())
        .format(java.time.Instant.ofEpochSecond(1_795_794_344L));
    QstatJob job = QstatParser.parse(r.stdout()).get(0);
    assertThat(job.state()).isEqualTo("C");
    assertThat(job.attributes()).containsEntry("exit_status", "4").doesNotContainKey("Exit_status");
    assertThat(pbs.run(work, "qstat", "-f", "-x", id).exitCode()).isEqualTo(2);
  }
}
