/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.runtime.learn.Codec;
import io.adaptive.runtime.learn.Codecs;
import io.adaptive.runtime.learn.DataCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;
import org.mapdb.Serializer;

final class LearnerDataFileTest {

  static final String LEARNER = "peak[a=0.01,x0=0.2]";
  static final String FINGERPRINT = "4be1c0ffee9a07";

  @TempDir Path dir;

  private Path file() {
    return new RunDirectory(dir).dataFile(LEARNER);
  }

  private LearnerDataFile<Double, Double> open() {
    return LearnerDataFile.open(file(), LEARNER, FINGERPRINT, ListLearner.CODEC);
  }

  // ---- open ---------------------------------------------------------------------------------

  @Test
  void open_newFile_isEmptyWithNoElapsedTime() {
    try (var data = open()) {
      assertThat(data.size()).isZero();
      assertThat(data.elapsedNanos()).isZero();
      assertThat(data.read().points()).isEmpty();
      assertThat(data.learner()).isEqualTo(LEARNER);
      assertThat(data.fingerprint()).isEqualTo(FINGERPRINT);
    }
    assertThat(dir.resolve("learners").resolve(LEARNER)).isDirectory();
  }

  @Test
  void open_otherFingerprint_isRefusedWithTheFix() {
    try (var data = open()) {
      data.save(new ListLearner().tellNext(3), 10);
    }
    Path file = file();

    assertThatThrownBy(() -> LearnerDataFile.open(file, LEARNER, "0c53e112", ListLearner.CODEC))
        .isInstanceOfSatisfying(
            DataFingerprintException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file);
              assertThat(e.learner()).isEqualTo(LEARNER);
              assertThat(e.expected()).isEqualTo("0c53e112");
              assertThat(e.found()).isEqualTo(FINGERPRINT);
            })
        .hasMessage(
            "the data file of learner '"
                + LEARNER
                + "' was written for a different plan: '"
                + file
                + "'\n  expected fingerprint 0c53e112, found "
                + FINGERPRINT
                + "\n  fix: delete the learner directory '"
                + file.toAbsolutePath().getParent()
                + "' to start this learner afresh, or restore the plan that wrote it");

    try (var data = open()) {
      assertThat(data.size()).as("a refused open changes nothing").isEqualTo(3);
    }
  }

  @Test
  void open_unknownFormatVersion_isRefusedNamingFileAndVersion() {
    try (var data = open()) {
      data.save(new ListLearner().tellNext(2), 0);
    }
    for (int slot = 0; slot < 2; slot++) {
      DB db = DataSlot.make(LearnerDataFile.slotPath(file(), slot));
      db.treeMap(DataSlot.META, Serializer.STRING, Serializer.STRING)
          .open()
          .put(LearnerDataFile.FORMAT, "7");
      db.commit();
      db.close();
    }

    assertThatThrownBy(this::open)
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "the data file '"
                + file()
                + "' has format version '7', but this adaptive-java"
                + " reads version 1 only\n  fix: resume the run with the adaptive-java version that"
                + " wrote it, or delete the learner directory '"
                + file().toAbsolutePath().getParent()
                + "' to start this learner afresh");
  }

  @Test
  void open_fileOfAnotherLearner_isRefused() {
    try (var data = open()) {
      data.save(new ListLearner().tellNext(1), 0);
    }

    assertThatThrownBy(
            () -> LearnerDataFile.open(file(), "peak[a=0.02]", FINGERPRINT, ListLearner.CODEC))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "the data file '"
                + file()
                + "' belongs to learner '"
                + LEARNER
                + "', not to 'peak[a=0.02]'\n  fix: give each learner its own directory"
                + " (RunDirectory.dataFile), or delete the learner directory '"
                + file().toAbsolutePath().getParent()
                + "' to start this learner afresh");
  }

  @Test
  void open_otherKindSameFingerprint_isRefused() {
    open().close();
    DataCodec<Long, Double> codec =
        new DataCodec<>("average", Codecs.longs("n"), Codecs.doubles("y"));

    assertThatThrownBy(() -> LearnerDataFile.open(file(), LEARNER, FINGERPRINT, codec))
        .isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(
            "the data file '"
                + file()
                + "' holds data of a 'list' learner,"
                + " but learner '"
                + LEARNER
                + "' is a 'average'");
  }

  @Test
  void open_twiceInOneJvm_secondIsRefusedUntilTheFirstCloses() {
    try (var first = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(DataFileLockedException.class)
          .hasMessage(
              "the data file '"
                  + file()
                  + "' is already open, in this or another process"
                  + " ('data.db.lock' is locked)\n  fix: run one worker per learner, and close a"
                  + " LearnerDataFile before opening it again");
      assertThat(first.size()).as("the first stays usable").isZero();
    }
    open().close();
  }

  @Test
  void open_notADataFile_isRefused() throws Exception {
    open().close();
    Files.writeString(LearnerDataFile.slotPath(file(), 0), "not MapDB");
    Files.writeString(LearnerDataFile.pointerOf(file()), "a\n");

    assertThatThrownBy(this::open)
        .isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(
            "the data file '"
                + file()
                + "' is not a learner data file that"
                + " adaptive-java can read ('data.db.a': ");
  }

  @Test
  void open_unfinishedCreation_startsAfresh() throws Exception {
    open().close();
    Files.delete(LearnerDataFile.pointerOf(file())); // as if killed before the pointer was written
    Files.writeString(LearnerDataFile.slotPath(file(), 0), "half a store");

    try (var data = open()) {
      assertThat(data.size()).isZero();
    }
  }

  // ---- save / read / loadInto ---------------------------------------------------------------

  @Test
  void save_thenRead_givesBackIdenticalPointsAndValues() {
    ListLearner learner = new ListLearner().tellNext(100);
    try (var data = open()) {
      assertThat(data.save(learner, 5)).isEqualTo(100);
    }

    try (var data = open()) {
      StoredData<Double, Double> stored = data.read();
      assertThat(stored.points()).isEqualTo(learner.points()); // Double.equals: bits, -0.0, NaN
      assertThat(stored.values()).isEqualTo(learner.values());
      ListLearner loaded = new ListLearner();
      data.loadInto(loaded);
      assertThat(loaded.points()).isEqualTo(learner.points());
      assertThat(loaded.values()).isEqualTo(learner.values());
    }
  }

  @Test
  void save_repeatedly_appendsOnlyTheNewRecords() {
    ListLearner learner = new ListLearner();
    try (var data = open()) {
      for (int round = 1; round <= 5; round++) {
        learner.tellNext(round);
        data.save(learner, round);
        assertThat(data.size()).isEqualTo(learner.npoints());
      }
      assertThat(data.read().points()).isEqualTo(learner.points());
      data.save(learner, 6); // nothing new: only the time moves
      assertThat(data.size()).isEqualTo(15);
      assertThat(data.elapsedNanos()).isEqualTo(6);
    }
    assertThat(recordCounts()).as("records in each store").containsExactly(15L, 15L);
  }

  @Test
  void save_encodesOnlyWhatTheStoreItWritesLacks() {
    var writes = new java.util.concurrent.atomic.AtomicInteger();
    Codec<Double> counting =
        new Codec<>() {
          final Codec<Double> doubles = Codecs.doubles("x");

          @Override
          public void write(Double value, DataOutput out) throws IOException {
            writes.incrementAndGet();
            doubles.write(value, out);
          }

          @Override
          public Double read(DataInput in) throws IOException {
            return doubles.read(in);
          }

          @Override
          public List<String> columns() {
            return doubles.columns();
          }

          @Override
          public void appendCsv(Double value, StringBuilder row) {
            doubles.appendCsv(value, row);
          }
        };
    var codec = new DataCodec<>("list", counting, Codecs.doubles("y"));
    ListLearner learner = new ListLearner();
    List<Integer> perSave = new ArrayList<>();
    try (var data = LearnerDataFile.open(file(), LEARNER, FINGERPRINT, codec)) {
      for (int n : new int[] {4, 3, 2}) {
        learner.tellNext(n);
        writes.set(0);
        data.save(learner, 0);
        perSave.add(writes.get());
      }
    }
    // Saves alternate between the two stores, and each store lacks the points of its last two
    // saves: 4 (store b), 4 + 3 (store a), 3 + 2 (store b). Never the whole history again.
    assertThat(perSave).containsExactly(4, 7, 5);
    assertThat(recordCounts())
        .as("store a lags one save until the next open")
        .containsExactly(7L, 9L);
  }

  @Test
  void save_learnerWithFewerPoints_isRefused() {
    try (var data = open()) {
      data.save(new ListLearner().tellNext(5), 0);

      assertThatThrownBy(() -> data.save(new ListLearner().tellNext(2), 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "learner '"
                  + LEARNER
                  + "' has 2 points of data but its data file holds 5; load the"
                  + " file into the learner before saving");
      assertThat(data.size()).isEqualTo(5);
    }
  }

  @Test
  void save_elapsedGoingBack_isRefused() {
    try (var data = open()) {
      data.save(new ListLearner().tellNext(1), 1_000);

      assertThatThrownBy(() -> data.save(new ListLearner().tellNext(1), 999))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "elapsed time 999 ns is less than the 1000 ns already stored; pass"
                  + " elapsedNanos() at open plus this job's time");
    }
  }

  @Test
  void save_afterClose_isIllegalState() {
    var data = open();
    data.close();
    data.close(); // twice is fine

    assertThatThrownBy(() -> data.save(new ListLearner(), 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the data file '" + file() + "' is closed");
  }

  // ---- elapsedNanos -------------------------------------------------------------------------

  @Test
  void elapsedNanos_acrossJobs_accumulates() {
    ListLearner learner = new ListLearner();
    long jobTime = 1_000_000;
    for (int job = 1; job <= 3; job++) {
      try (var data = open()) {
        assertThat(data.elapsedNanos())
            .as("job %d starts from the total so far", job)
            .isEqualTo((job - 1) * jobTime);
        long atOpen = data.elapsedNanos();
        learner.tellNext(2);
        data.save(learner, atOpen + jobTime / 2);
        data.save(learner, atOpen + jobTime);
      }
    }
    try (var data = open()) {
      assertThat(data.elapsedNanos()).isEqualTo(3 * jobTime);
      assertThat(data.size()).isEqualTo(6);
    }
  }

  // ---- snapshotFile -------------------------------------------------------------------------

  @Test
  void snapshotFile_afterSave_parsesBackToIdenticalDoubles() {
    ListLearner learner = new ListLearner().tellNext(60);
    try (var data = open()) {
      data.save(learner, 0);
      assertThat(data.snapshotFile()).isEqualTo(new RunDirectory(dir).snapshot(LEARNER));
    }

    DataSnapshot snapshot = DataSnapshot.read(new RunDirectory(dir).snapshot(LEARNER));
    assertThat(snapshot.columns()).containsExactly("x", "y");
    assertThat(snapshot.size()).isEqualTo(60);
    for (int i = 0; i < 60; i++) {
      assertThat(Double.doubleToRawLongBits(snapshot.rows().get(i)[0]))
          .as("x of row %d", i)
          .isEqualTo(Double.doubleToRawLongBits(learner.points().get(i)));
      assertThat(Double.doubleToLongBits(snapshot.rows().get(i)[1]))
          .as("y of row %d", i)
          .isEqualTo(Double.doubleToLongBits(learner.values().get(i)));
    }
    assertThat(snapshot.column("x")).hasSize(60);
  }

  @Test
  void snapshotFile_duringSaves_readersOnlyEverSeeWholeSaves() throws Exception {
    Path csv = new RunDirectory(dir).snapshot(LEARNER);
    List<Integer> savedSizes = new ArrayList<>(List.of(0));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Integer> seen = new ArrayList<>();
    var done = new java.util.concurrent.atomic.AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              try {
                while (!done.get()) {
                  DataSnapshot snapshot = DataSnapshot.read(csv);
                  seen.add(snapshot.size());
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    ListLearner learner = new ListLearner();
    try (var data = open()) {
      reader.start();
      for (int round = 1; round <= 40; round++) {
        learner.tellNext(25);
        data.save(learner, round);
        savedSizes.add(round * 25);
      }
    } finally {
      done.set(true);
      reader.join();
    }

    assertThat(failure.get()).isNull();
    assertThat(seen).isNotEmpty().allMatch(savedSizes::contains);
    try (var listing = Files.list(csv.getParent())) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .as("no temporary file is left behind")
          .containsExactlyInAnyOrder(
              "data.db.a", "data.db.b", "data.db.current", "data.db.lock", "data.csv");
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** The number of records in each of the two stores, read directly. */
  private List<Long> recordCounts() {
    List<Long> counts = new ArrayList<>();
    for (int slot = 0; slot < 2; slot++) {
      try (DataSlot store = DataSlot.open(LearnerDataFile.slotPath(file(), slot), file())) {
        counts.add(store.size());
      }
    }
    return counts;
  }
}
