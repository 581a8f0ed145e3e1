/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.Progress;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

final class RunDatabaseTest {

  @TempDir Path dir;

  private Path file() {
    return new RunDirectory(dir.resolve("runs").resolve("peaks")).runDatabase();
  }

  private static LearnerRecord record(String name, long npoints) {
    return new LearnerRecord(name, "4be1c0ffee9a07", "learner1D", "lossBelow(0.01)",
        LearnerState.RUNNING, "j7-x", "8813402", 2, npoints, 0.125, 5_000_000_000L,
        "first line\n  at a stack frame: ünïcödé", 1_764_000_000_000L);
  }

  private static LearnerEvent event(long millis, String learner, String reason) {
    return new LearnerEvent(millis, learner, "j" + millis, LearnerState.PENDING,
        LearnerState.RUNNING, reason);
  }

  /**
   * The files of a store as a kill -9 would leave them: what is on disk now, copied while the
   * database is open. The lock is not copied: the OS drops it with the process.
   */
  private Path crashImage(Path file) throws IOException {
    Path image = dir.resolve("image-" + System.nanoTime());
    Files.createDirectories(image);
    try (Stream<Path> files = Files.list(file.getParent())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f) && !f.getFileName().toString().endsWith(".lock")) {
          Files.copy(f, image.resolve(f.getFileName()));
        }
      }
    }
    return image.resolve(file.getFileName());
  }

  private static Path lastSegment(Path file) throws IOException {
    return ChangeLog.segments(file).lastEntry().getValue();
  }

  // ---- open ---------------------------------------------------------------------------------

  @Test
  void open_newStore_isEmptyAndCreatesItsDirectory() {
    try (RunDatabase database = RunDatabase.open(file())) {
      assertThat(database.learners()).isEmpty();
      assertThat(database.learner("a")).isEmpty();
      assertThat(database.history("a")).isEmpty();
      assertThat(database.journal()).isEmpty();
      assertThat(database.file()).isEqualTo(file());
    }
    assertThat(file()).isRegularFile();
    assertThat(StoreLock.ownerOf(file())).isRegularFile();
  }

  @Test
  void open_whileOpenInThisProcess_isRefusedNamingTheHolder() {
    try (RunDatabase first = RunDatabase.open(file())) {
      StoreOwner owner = StoreOwner.read(StoreLock.ownerOf(file())).orElseThrow();
      assertThat(owner.pid()).isEqualTo(ProcessHandle.current().pid());

      assertThatThrownBy(() -> RunDatabase.open(file()))
          .isInstanceOfSatisfying(RunStoreLockedException.class, e -> {
            assertThat(e.owner()).contains(owner);
            assertThat(e.file()).isEqualTo(file());
          })
          .hasMessage("the run store " + file().toAbsolutePath().getParent() + " is in use by"
              + " another run manager (pid " + owner.pid() + " on host " + StoreOwner.hostName()
              + ", since " + DateTimeFormatter.ofPattern("HH:mm:ss")
                  .format(owner.since().atZone(ZoneId.systemDefault()))
              + "); wait for that run to end, stop it, or use another store directory");

      first.put(record("a", 1)); // the refused open released nothing
      first.commit();
    }
    try (RunDatabase again = RunDatabase.open(file())) {
      assertThat(again.learner("a")).contains(record("a", 1));
    }
  }

  @Test
  void open_otherFormat_isRefusedWithTheFix() {
    Path file = file();
    file.getParent().toFile().mkdirs();
    DB db = DBMaker.fileDB(file.toFile()).transactionEnable().make();
    db.hashMap("meta", Serializer.STRING, Serializer.STRING).create()
        .put("format", "adaptive-run/1");
    db.commit();
    db.close();

    assertThatThrownBy(() -> RunDatabase.open(file))
        .isInstanceOf(RunStoreException.class)
        .hasMessage("the run store " + file.toAbsolutePath().getParent() + " has format"
            + " 'adaptive-run/1' in run.db, but this adaptive-java reads 'adaptive-run/3' only;"
            + " resume the run with the adaptive-java version that wrote it, or use another"
            + " store directory");
    try (RunDatabase database = RunDatabase.open(dir.resolve("other").resolve("run.db"))) {
      assertThat(database.learners()).as("the refusal released the lock").isEmpty();
    }
    assertThatThrownBy(() -> RunDatabase.open(file))
        .as("and released this store's lock")
        .isNotInstanceOf(RunStoreLockedException.class);
  }

  @Test
  void open_logOfOtherFormat_isRefusedWithTheFix() throws IOException {
    try (RunDatabase database = RunDatabase.open(file())) {
      database.put(record("a", 1));
      database.commit();
    }
    Path segment = lastSegment(file());
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.allocate(4).putInt(0, 3), 8);
    }

    assertThatThrownBy(() -> RunDatabase.open(file()))
        .isInstanceOf(RunStoreException.class)
        .hasMessage("the run store " + file().toAbsolutePath().getParent() + " has a log "
            + segment.getFileName() + " of format version 3, but this adaptive-java reads"
            + " version 2 only; resume the run with the adaptive-java version that wrote it, or"
            + " use another store directory");
  }

  @Test
  void open_notAStore_isRefused() throws IOException {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "not a MapDB store, just text that is long enough to be read");

    assertThatThrownBy(() -> RunDatabase.open(file()))
        .isInstanceOf(RunStoreException.class)
        .hasMessageStartingWith("the run store " + file().toAbsolutePath().getParent()
            + " cannot be read: run.db is not a run database that this adaptive-java reads (")
        .hasMessageEndingWith("); restore it from a backup, or use another store directory");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 100, 4096, 1 << 20})
  void open_truncatedSnapshot_isRefused(int keptBytes) throws IOException {
    try (RunDatabase database = RunDatabase.open(file())) {
      database.put(record("a", 1));
    }
    byte[] whole = Files.readAllBytes(file());
    Files.write(file(), java.util.Arrays.copyOf(whole, keptBytes));

    assertThatThrownBy(() -> RunDatabase.open(file()))
        .isInstanceOf(RunStoreException.class)
        .hasMessageStartingWith("the run store " + file().toAbsolutePath().getParent()
            + " cannot be read: run.db is not a run database that this adaptive-java reads (");
  }

  @Test
  void open_logsWithoutSnapshot_isRefused() throws IOException {
    try (RunDatabase database = RunDatabase.open(file())) {
      database.put(record("a", 1));
    }
    Files.delete(file());

    assertThatThrownBy(() -> RunDatabase.open(file()))
        .isInstanceOf(RunStoreException.class)
        .hasMessage("the run store " + file().toAbsolutePath().getParent() + " has change logs"
            + " but lacks its snapshot run.db; restore it from a backup, or delete run.db.log.*"
            + " to start the store afresh (the learners' data in learners/ is kept)");
  }

  // ---- put, learner, learners ---------------------------------------------------------------

  @Test
  void put_visibleAtOnce_durableAfterCommitAndReopen() {
    try (RunDatabase database = RunDatabase.open(file())) {
      database.put(record("b", 1));
      database.put(record("a", 2));
      database.put(record("b", 3));
      assertThat(database.learner("b")).contains(record("b", 3));
      database.commit();
    }
    try (RunDatabase database = RunDatabase.open(file())) {
      assertThat(database.learners()).containsExactly(record("a", 2), record("b", 3));
    }
  }

  @Test
  void put_specialValues_roundTrip() {
    LearnerRecord fresh = LearnerRecord.fresh("peak[a=0.01,x0=0.2]", "ab", "learner1D", "g");
    LearnerRecord nan = new LearnerRecord("n", "f", "k", "g", LearnerState.FAILED, "", "", 0,
        Long.MAX_VALUE, Double.NaN, 0, "x".repeat(100_000), Long.MIN_VALUE);
    try (RunDatabase database = RunDatabase.open(file())) {
      database.put(fresh);
      database.put(nan);
      database.commit();
    }
    try (RunDatabase database = RunDatabase.open(file())) {
      assertThat(database.learner(fresh.name())).contains(fresh);
      assertThat(database.learner("n")).contains(nan);
    }
  }

  // ---- commit -------------------------------------------------------------------------------

  @Test
  void commit_crashAfterwards_keepsExactlyTheCommittedChanges() throws IOException {
    try (RunDatabase database = RunDatabase.open(file())) {
      database.put(record("a", 1));
      database.append("a", new Progress(1, 1, 1.0, 7_000_000, 123 << 20));
      database.journal(event(1, "a", "submitted"));
      database.commit();
      database.put(record("a", 2));
      database.put(record("b", 2));
      database.append("a", new Progress(2, 2, 0.5));
      database.journal(event(2, "a", "not committed"));

      Path image = crashImage(file());
      try (RunDatabase recovered = RunDatabase.open(image)) {
        assertThat(recovered.learners()).containsExactly(record("a", 1));
        assertThat(recovered.history("a")).containsExactly(new Progress(1, 1, 1.0, 7_000_000, 123 << 20));
        assertThat(recovered.journal()).containsExactly(event(1, "a", "submitted"));
      }
    }
  }

  @Test
  void commit_tornLastFrame_isCutOffAndTheStoreGoesOn() throws IOException {
    try (RunDatabase database = RunDatabase.open(file())) {
      for (int batch = 1; batch <= 3; batch++) {
        database.put(record("a", batch));
        database.commit();
      }
      long intact = Files.size(lastSegment(file()));
      database.put(record("a", 4));
      database.put(record("b", 4));
      database.commit();
      Path image = crashImage(file());
      Path segment = lastSegment(image);
      try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
        channel.truncate(Files.size(segment) - 5); // the kill came while the frame was written
      }

      try (RunDatabase recovered = RunDatabase.open(image)) {
        assertThat(recovered.learners()).containsExactly(record("a", 3));
        assertThat(Files.size(segment)).as("cut at the last whole frame").isEqualTo(intact);
        recovered.put(record("c", 5));
        recovered.commit();
      }
      try (RunDatabase reopened = RunDatabase.open(image)) {
        assertThat(reopened.learners()).containsExactly(record("a", 3), record("c", 5));
      }
    }
  }

  @Test
  void commit_garbageAfterTheLastFrame_isCutOff() throws IOException {
    try (RunDatabase database = RunDatabase.open(file())) {
      database.put(record("a", 1));
      database.commit();
      Path image = crashImage(file());
      Files.write(lastSegment(image), new byte[4096], StandardOpenOption.APPEND);

      try (RunDatabase recovered = RunDatabase.open(image)) {
        assertThat(recovered.learners()).containsExactly(record("a", 1));
      }
    }
  }

  @Test
  void commit_damageBeforeTheLastSegment_isRefused() throws IOException {
    try (RunDatabase database = RunDatabase.open(file())) {
      for (int batch = 1; batch <= 2; batch++) {
        database.put(record("a", batch));
        database.commit();
      }
      long intact = Files.size(lastSegment(file()));
      database.put(record("a", 3));
      database.commit();
      Path image = crashImage(file());
      Path damaged = lastSegment(image);
      // the next, empty segment, as a compaction starts it: the same header, one number up
      ByteBuffer header = ByteBuffer.wrap(
          java.util.Arrays.copyOf(Files.readAllBytes(damaged), ChangeLog.HEADER_BYTES));
      long number = header.getLong(12);
      Files.write(ChangeLog.segmentPath(image, number + 1),
          header.putLong(12, number + 1).array());
      try (FileChannel channel = FileChannel.open(damaged, StandardOpenOption.WRITE)) {
        channel.truncate(Files.size(damaged) - 5);
      }

      assertThatThrownBy(() -> RunDatabase.open(image))
          .isInstanceOf(RunStoreException.class)
          .hasMessage("the run store " + image.getParent() + " is damaged: "
              + damaged.getFileName() + " is cut short at byte " + intact
              + ", though later segments follow; restore it from a backup, or use another store"
              + " directory");
    }
  }

  @Test
  void commit_manyWithCompaction_reopensToTheSameState() throws IOException {
    Path file = file();
    try (RunDatabase database = RunDatabase.open(file, 2048)) {
      for (long batch = 1; batch <= 500; batch++) {
        CommittingManagerMain.write(database, batch, (int) (batch % 13));
        database.commit();
      }
      assertThat(CommittingManagerMain.check(database)).isEqualTo(500);
      database.awaitCompaction(); // a copy taken while it deletes segments is no crash image
      try (RunDatabase image = RunDatabase.open(crashImage(file), 2048)) {
        assertThat(CommittingManagerMain.check(image)).as("without close").isEqualTo(500);
      }
    }
    assertThat(ChangeLog.segments(file)).as("compacted at close").hasSize(1);
    assertThat(Files.size(lastSegment(file))).isEqualTo(ChangeLog.HEADER_BYTES);
    try (RunDatabase database = RunDatabase.open(file)) {
      assertThat(CommittingManagerMain.check(database)).isEqualTo(500);
    }
  }

  @Test
  void commit_nothingChanged_writesNothing() throws IOException {
    try (RunDatabase database = RunDatabase.open(file())) {
      long size = Files.size(lastSegment(file()));
      database.commit();
      assertThat(Files.size(lastSegment(file()))).isEqualTo(size);
    }
  }

  // ---- append, history ----------------------------------------------------------------------

  @Test
  void history_acrossReopens_keepsEveryReportInOrder() {
    for (int run = 0; run < 3; run++) {
      try (RunDatabase database = RunDatabase.open(file())) {
        for (int i = 0; i < 5; i++) {
          long n = run * 5L + i;
          database.append("a", new Progress(n, n * 10, 1.0 / (n + 1)));
          database.append("b", new Progress(n, n, Double.POSITIVE_INFINITY));
        }
        database.commit();
      }
    }
    try (RunDatabase database = RunDatabase.open(file())) {
      List<Progress> a = database.history("a");
      assertThat(a).hasSize(15);
      for (int n = 0; n < 15; n++) {
        assertThat(a.get(n)).isEqualTo(new Progress(n, n * 10L, 1.0 / (n + 1)));
      }
      assertThat(database.history("b")).hasSize(15)
          .allSatisfy(p -> assertThat(p.loss()).isInfinite());
      assertThat(database.history("c")).isEmpty();
    }
  }

  // ---- journal ------------------------------------------------------------------------------

  @Test
  void journal_acrossReopens_replaysInOrder_andByLearner() {
    List<LearnerEvent> all = new java.util.ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (RunDatabase database = RunDatabase.open(file())) {
        for (int i = 0; i < 3_000; i++) { // several 64 KiB chunks
          LearnerEvent event = event(run * 10_000L + i, i % 3 == 0 ? "a" : "b",
              "reason " + i + ": " + "x".repeat(i % 50));
          database.journal(event);
          all.add(event);
        }
        database.commit();
        assertThat(database.journal()).isEqualTo(all);
      }
    }
    try (RunDatabase database = RunDatabase.open(file())) {
      assertThat(database.journal()).isEqualTo(all);
      assertThat(database.journal("a"))
          .isEqualTo(all.stream().filter(e -> e.learner().equals("a")).toList());
      assertThat(database.journal("nobody")).isEmpty();
    }
  }

  // ---- forget -------------------------------------------------------------------------------

  @Test
  void forget_removesRecordAndHistory_journalsIt_andStaysForgottenFromLogAndSnapshot()
      throws IOException {
    Path fromLog;
    try (RunDatabase database = RunDatabase.open(file())) {
      database.put(record("a", 1));
      database.put(record("b", 2));
      database.append("a", new Progress(1_000, 1, 0.5, 10, 20));
      database.append("b", new Progress(1_000, 2, 0.25, 10, 20));
      database.commit();

      LearnerEvent event = database.forget("a", 5_000, "adaptive forget by someone");
      database.commit();

      assertThat(event).isEqualTo(new LearnerEvent(5_000, "a", "", LearnerState.RUNNING,
          LearnerState.RUNNING, "forgotten: adaptive forget by someone"));
      assertThat(database.learner("a")).isEmpty();
      assertThat(database.history("a")).isEmpty();
      assertThat(database.learner("b")).contains(record("b", 2));
      assertThat(database.journal("a")).containsExactly(event);
      fromLog = crashImage(file()); // the forget is in the log only, not yet in a snapshot
    }
    for (Path image : List.of(fromLog, file())) {
      try (RunDatabase reopened = RunDatabase.open(image)) {
        assertThat(reopened.learners()).as(image.toString()).containsExactly(record("b", 2));
        assertThat(reopened.history("a")).isEmpty();
        assertThat(reopened.history("b")).hasSize(1);
        assertThat(reopened.journal("a")).singleElement()
            .extracting(LearnerEvent::reason).isEqualTo("forgotten: adaptive forget by someone");
        reopened.put(record("a", 7)); // a learner of that name starts afresh
        assertThat(reopened.history("a")).isEmpty();
      }
    }
  }

  @Test
  void forget_unknownLearner_isRefusedAndChangesNothing() {
    try (RunDatabase database = RunDatabase.open(file())) {
      database.put(record("a", 1));

      assertThatThrownBy(() -> database.forget("nobody", 1, "test"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the run store " + file().toAbsolutePath().getParent() + " has no learner"
              + " 'nobody' to forget; it has 1 learner");
      assertThat(database.learners()).containsExactly(record("a", 1));
      assertThat(database.journal()).isEmpty();
    }
  }

  // ---- close --------------------------------------------------------------------------------

  @Test
  void close_commitsAndReleases_thenCallsFail() {
    RunDatabase database = RunDatabase.open(file());
    database.put(record("a", 1));
    database.close();
    database.close();

    assertThatThrownBy(() -> database.learner("a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the run database " + file() + " is closed");
    try (RunDatabase reopened = RunDatabase.open(file())) {
      assertThat(reopened.learner("a")).contains(record("a", 1));
    }
  }
}
