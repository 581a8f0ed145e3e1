/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.store.LearnerEvent;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.RunDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Durable state changes per second in the run manager's database, {@link RunDatabase}: each
 * change is the put of a {@link LearnerRecord} (1,000 learners, round robin) plus one journal
 * event, and every {@code commit()} forces them to disk before it returns. Scores are changes per
 * second ({@code @OperationsPerInvocation} = the batch size), for batches of 1, 10 and 100 changes
 * per commit. The target is at least 20,000 per second with batches of 100.
 *
 * <p>The baseline, {@code mapdbTransactions_batch100}, makes the same puts (records only, no
 * journal) durable with MapDB's own transactions ({@code transactionEnable()}, one {@code
 * commit()} per batch), the previous {@code RunDatabase}; it is not crash-safe, see {@link
 * RunDatabase}.
 *
 * <p>A fresh store in a temporary directory per iteration, so the journal does not grow across
 * iterations; the log compacts into the MapDB snapshot in the background as it does in a run.
 *
 * <p>Run it with (after {@code mvn -o -q package -pl bench -am -DskipTests}):
 *
 * <pre>java -jar bench/target/benchmarks.jar RunDatabaseBench -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RunDatabaseBench {

  static final int LEARNERS = 1_000;

  private Path dir;
  private RunDatabase database;
  private DB mapdb;
  private HTreeMap<String, byte[]> mapdbLearners;
  private LearnerRecord[] records;
  private long change;

  @Setup(Level.Iteration)
  public void open() throws IOException {
    dir = Files.createTempDirectory("run-database-bench");
    database = RunDatabase.open(dir.resolve("run.db"));
    mapdb = DBMaker.fileDB(dir.resolve("mapdb.db").toFile()).transactionEnable().make();
    mapdbLearners = mapdb.hashMap("learners", Serializer.STRING, Serializer.BYTE_ARRAY)
        .createOrOpen();
    records = new LearnerRecord[LEARNERS];
    for (int i = 0; i < LEARNERS; i++) {
      records[i] = LearnerRecord.fresh("resonance[damping=" + i + "]",
          "4be1c0ffee9a074be1c0ffee9a074be1c0ffee9a074be1c0ffee9a074be1c0ff", "learner1D",
          "lossBelow(0.01)");
    }
  }

  @TearDown(Level.Iteration)
  public void close() throws IOException {
    database.close();
    mapdb.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    }
  }

  private void changes(int n) {
    for (int i = 0; i < n; i++) {
      long c = change++;
      LearnerRecord record = records[(int) (c % LEARNERS)].reported(c, 1.0 / (c + 1), c * 1000, c);
      database.put(record);
      database.journal(new LearnerEvent(c, record.name(), "j" + c, LearnerState.RUNNING,
          LearnerState.RUNNING, "progress report " + c));
    }
    database.commit();
  }

  @Benchmark
  @OperationsPerInvocation(1)
  public void batch1() {
    changes(1);
  }

  @Benchmark
  @OperationsPerInvocation(10)
  public void batch10() {
    changes(10);
  }

  @Benchmark
  @OperationsPerInvocation(100)
  public void batch100() {
    changes(100);
  }

  @Benchmark
  @OperationsPerInvocation(100)
  public void mapdbTransactions_batch100() {
    for (int i = 0; i < 100; i++) {
      long c = change++;
      LearnerRecord record = records[(int) (c % LEARNERS)].reported(c, 1.0 / (c + 1), c * 1000, c);
      mapdbLearners.put(record.name(), encode(record));
    }
    mapdb.commit();
  }

  // LearnerRecord.encode() is package-private; the same fields, the same size of value.
  private static byte[] encode(LearnerRecord record) {
    return (record.fingerprint() + record.kind() + record.goal() + record.state() + record.job()
        + record.npoints() + record.loss() + record.elapsedNanos() + record.updatedMillis())
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
