/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import io.adaptive.runtime.store.DataSnapshot;
import io.adaptive.runtime.store.HistoryFile;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.RunDirectory;
import io.adaptive.runtime.store.RunStoreException;
import io.adaptive.runtime.store.StatusFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A run directory as a reader sees it, while its run manager runs or after it ended: the learners'
 * records, their data, progress history and job logs. This is how the command-line tool and other
 * programs look at a run.
 *
 * <pre>{@code
 * RunState run = RunState.read(Path.of("runs/peaks"));
 * for (LearnerRecord learner : run.learners()) {
 *   System.out.println(learner.name() + " " + learner.state() + " " + learner.npoints());
 * }
 * ConvergenceChart.of(run.snapshot()).savePng(Path.of("peaks.png"), 1000, 600);
 * }</pre>
 *
 * <p>It never opens the run database or the learners' data files, which the run manager and the
 * workers hold locked; it reads only what they publish for readers: {@code status.tsv} (every learner's record, replaced
 * atomically at every progress interval), {@code history.tsv} (every progress report, appended),
 * {@code learners/<name>/data.csv} (each learner's data, replaced after every save), {@code
 * logs/<name>.<job>.log} (each job's output) and {@code plan.txt} (the plan's {@code explain()}).
 *
 * <p>{@link #read} takes the learner records once, so {@link #learners()} and {@link #learner} are
 * one consistent view, as of when the run manager last published it (at most one progress interval
 * old while the run is live). The progress history is read on first use and kept. {@link #data},
 * {@link #logs} and {@link #isLive()} look at the directory each time they are called, so they see
 * the run as it is then; read a new {@code RunState} to refresh the records.
 *
 * <p>Immutable apart from that cache, and safe to share between threads.
 */
public final class RunState {

  // Names of a learner's job logs: <learner>.<job>.log; job ids ("j12-lq3k9x1") hold no dot.
  private static final String LOG_SUFFIX = ".log";
  private static final int NAMES_SHOWN = 5;

  // Probe channels that found the store's lock held by this same JVM. Closing them would drop
  // that JVM-wide POSIX lock (closing any descriptor of a file releases every lock the process
  // holds on it), so they stay open, and referenced so that no cleaner closes them.
  // One per run database, reused by the next check; guarded by itself.
  private static final Map<Path, FileChannel> KEPT_OPEN = new HashMap<>();

  private final RunDirectory directory;
  private final String experiment;
  private final List<LearnerRecord> learners;
  private final Map<String, LearnerRecord> byName;
  private final List<LearnerRecord> removed;
  private final Instant publishedAt;
  private volatile Map<String, List<Progress>> history;

  private RunState(RunDirectory directory, String experiment, List<LearnerRecord> learners,
      List<LearnerRecord> removed, Instant publishedAt) {
    this.directory = directory;
    this.experiment = experiment;
    this.learners = List.copyOf(learners);
    this.removed = List.copyOf(removed);
    this.publishedAt = publishedAt;
    Map<String, LearnerRecord> names = new LinkedHashMap<>();
    for (LearnerRecord record : this.learners) {
      names.put(record.name(), record);
    }
    this.byName = Collections.unmodifiableMap(names);
  }

  /**
   * Reads the run in {@code runDirectory}: its experiment name and every learner's record.
   *
   * <p>A run directory is what {@code Runner.store(Path)} names (default {@code
   * runs/<experiment>}); it holds {@code run.db} from the moment a run starts and {@code status.tsv}
   * from its first progress interval on. A run that has started but not published its status yet
   * reads with no learners.
   *
   * @param runDirectory the run's directory, e.g. {@code runs/peaks}
   * @return the run as last published
   * @throws RunStoreException if the directory does not exist, is not a run directory (it has
   *     neither {@code status.tsv} nor {@code run.db}; {@link RunStoreException#file()} is then the
   *     missing {@code status.tsv}), or its {@code status.tsv} cannot be read or is not of this
   *     version ({@link RunStoreException#file()} is that file); the message says which directory
   *     and what to do
   * @throws NullPointerException if {@code runDirectory} is null
   */
  public static RunState read(Path runDirectory) {
    Objects.requireNonNull(runDirectory, "runDirectory");
    RunDirectory directory = new RunDirectory(runDirectory);
    Path status = directory.status();
    if (!Files.isDirectory(runDirectory)) {
      throw new RunStoreException(status, String.format(Locale.ROOT,
          "'%s' is not a run directory: it does not exist%s; give the directory a run was stored"
              + " in (Runner.store(..), default runs/<experiment>)",
          runDirectory, Files.exists(runDirectory) ? " as a directory" : ""));
    }
    if (!Files.exists(status) && !Files.exists(directory.runDatabase())) {
      throw new RunStoreException(status, String.format(Locale.ROOT,
          "'%s' is not a run directory: it has neither status.tsv nor run.db; a run directory is"
              + " created by Runner.run(plan) in the directory given to Runner.store(..), default"
              + " runs/<experiment>",
          runDirectory));
    }
    List<LearnerRecord> records;
    List<LearnerRecord> removed;
    Instant publishedAt;
    try {
      removed = StatusFile.read(directory.removed()); // fixed for a whole run
      records = StatusFile.read(status);
      publishedAt = records.isEmpty() ? Instant.EPOCH
          : Files.getLastModifiedTime(status).toInstant();
    } catch (NoSuchFileException e) {
      // replaced between the read and the time stamp: as good as read
      records = List.of();
      removed = List.of();
      publishedAt = Instant.EPOCH;
    } catch (IOException e) {
      throw new RunStoreException(status, String.format(Locale.ROOT,
          "cannot read the status of the run in '%s': %s; if it was written by another"
              + " adaptive-java version, read it with that version",
          runDirectory, e.getMessage()), e);
    }
    return new RunState(directory, experimentOf(directory), records, removed, publishedAt);
  }

  // plan.txt starts with "experiment <name>: <n> learner(s), fingerprint <abbreviated>" (before
  // fingerprints were shown, without the ", fingerprint" part); nothing after the name contains
  // ": ", so the name runs up to the last one. Without a plan, the directory's name.
  private static String experimentOf(RunDirectory directory) {
    Path plan = directory.root().resolve("plan.txt");
    try (var lines = Files.lines(plan, StandardCharsets.UTF_8)) {
      String first = lines.findFirst().orElse("");
      int colon = first.lastIndexOf(": ");
      if (first.startsWith("experiment ") && colon > "experiment ".length()) {
        return first.substring("experiment ".length(), colon);
      }
    } catch (IOException | UncheckedIOException e) {
      // no plan, or unreadable: the directory's name is the next best thing
    }
    Path name = directory.root().toAbsolutePath().normalize().getFileName();
    return name == null ? "" : name.toString();
  }

  /** The run directory, as given to {@link #read}. */
  public Path directory() {
    return directory.root();
  }

  /**
   * The experiment's name: from the first line of {@code plan.txt} ({@code experiment <name>: N
   * learners, fingerprint …}), or the directory's name if there is no plan yet.
   */
  public String experiment() {
    return experiment;
  }

  /**
   * Every learner's record, in plan order, as the run manager last published them.
   *
   * @return an unmodifiable list; empty if the run has not published its status yet
   */
  public List<LearnerRecord> learners() {
    return learners;
  }

  /**
   * The records of the learners the store keeps but the last run's plan no longer has ({@code
   * removed.tsv}): not run, their data kept in {@code learners/<name>/}; a plan that has them again
   * resumes them. Not among {@link #learners()}, and {@link #learner} does not find them.
   *
   * @return an unmodifiable list, by name; empty if the plan had every stored learner, or the run
   *     was written by an adaptive-java that did not publish them
   */
  public List<LearnerRecord> removed() {
    return removed;
  }

  /**
   * When the run manager published the records {@link #learners()} holds: the modification time of
   * {@code status.tsv}; {@link Instant#EPOCH} if there are none.
   */
  public Instant publishedAt() {
    return publishedAt;
  }

  /**
   * The record of learner {@code name}.
   *
   * @param name the learner's name as the plan gives it, e.g. {@code peaks[a=0.01,x0=0]}
   * @throws IllegalArgumentException if the run has no such learner; the message lists a few of
   *     its learners, those whose names contain {@code name} first
   * @throws NullPointerException if {@code name} is null
   */
  public LearnerRecord learner(String name) {
    Objects.requireNonNull(name, "name");
    LearnerRecord record = byName.get(name);
    if (record == null) {
      throw new IllegalArgumentException(unknown(name));
    }
    return record;
  }

  /**
   * Up to {@code most} of the names of {@code learners}, those that contain {@code name} first:
   * what a message about an unknown learner name shows.
   */
  public static List<String> namesLike(List<LearnerRecord> learners, String name, int most) {
    List<String> shown = new ArrayList<>();
    for (LearnerRecord r : learners) {
      if (shown.size() < most && r.name().contains(name)) {
        shown.add(r.name());
      }
    }
    for (LearnerRecord r : learners) {
      if (shown.size() < most && !shown.contains(r.name())) {
        shown.add(r.name());
      }
    }
    return shown;
  }

  private String unknown(String name) {
    if (learners.isEmpty()) {
      return String.format(Locale.ROOT,
          "the run in '%s' has no learner '%s'; it has published no learners yet", directory(),
          name);
    }
    List<String> shown = namesLike(learners, name, NAMES_SHOWN);
    return String.format(Locale.ROOT, "the run in '%s' has no learner '%s'; it has %d %s, %s%s",
        directory(), name, learners.size(), learners.size() == 1 ? "learner" : "learners",
        learners.size() <= NAMES_SHOWN ? "" : "for example ", String.join(", ", shown));
  }

  /**
   * The learner's data as its worker last published it ({@code learners/<name>/data.csv}): empty
   * if it has not saved yet. Read from the file at each call.
   *
   * @throws IllegalArgumentException if the run has no such learner (see {@link #learner}), or
   *     the snapshot is malformed (the message names the file and line)
   * @throws UncheckedIOException if the snapshot exists but cannot be read
   */
  public DataSnapshot data(String name) {
    learner(name);
    return DataSnapshot.read(directory.snapshot(name));
  }

  /**
   * The learner's progress reports, oldest first, from {@code history.tsv}; empty if it has none.
   * The history file is read once per {@code RunState}, on the first call of this method or of
   * {@link #snapshot()}.
   *
   * @throws IllegalArgumentException if the run has no such learner (see {@link #learner})
   * @throws RunStoreException if {@code history.tsv} cannot be read or is malformed
   */
  public List<Progress> history(String name) {
    learner(name);
    return history().getOrDefault(name, List.of());
  }

  private Map<String, List<Progress>> history() {
    Map<String, List<Progress>> read = history;
    if (read == null) {
      synchronized (this) {
        read = history;
        if (read == null) {
          try {
            Map<String, List<Progress>> copy = new LinkedHashMap<>();
            HistoryFile.read(directory.history()).forEach((k, v) -> copy.put(k, List.copyOf(v)));
            read = Collections.unmodifiableMap(copy);
          } catch (IOException e) {
            throw new RunStoreException(directory.history(), String.format(Locale.ROOT,
                "cannot read the progress history of the run in '%s': %s", directory(),
                e.getMessage()), e);
          }
          history = read;
        }
      }
    }
    return read;
  }

  /**
   * The log files of the learner's jobs, {@code logs/<name>.<job>.log}, oldest job first, so the
   * last is its latest job's. Jobs are ordered by their start time, which the run manager writes
   * into the job id ({@code j<sequence>-<epoch millis in base 36>}); logs whose job id has another
   * form go by the file's modification time. Backends that run jobs as threads of the run
   * manager's JVM ({@code Local.inProcess()}) write no logs. Listed at each call.
   *
   * @return the files, possibly none
   * @throws IllegalArgumentException if the run has no such learner (see {@link #learner})
   * @throws UncheckedIOException if the log directory cannot be listed
   */
  public List<Path> logs(String name) {
    learner(name);
    Path logs = directory.logs();
    if (!Files.isDirectory(logs)) {
      return List.of();
    }
    List<JobLog> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(logs)) {
      for (Path file : files) {
        String job = jobOf(file.getFileName().toString(), name);
        if (job != null && Files.isRegularFile(file)) {
          found.add(new JobLog(file, startOf(job, file)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the job logs in '" + logs + "'", e);
    }
    found.sort(Comparator.comparingLong(JobLog::start).thenComparing(JobLog::file));
    return found.stream().map(JobLog::file).toList();
  }

  /**
   * The job id in the log file name {@code <learner>.<job>.log}, or null if the file is not a log
   * of {@code learner}.
   */
  static String jobOf(String fileName, String learner) {
    if (!fileName.startsWith(learner + ".") || !fileName.endsWith(LOG_SUFFIX)) {
      return null;
    }
    int from = learner.length() + 1;
    int to = fileName.length() - LOG_SUFFIX.length();
    if (to <= from) {
      return null;
    }
    String job = fileName.substring(from, to);
    return job.indexOf('.') < 0 ? job : null; // else a log of a learner named "<learner>.<more>"
  }

  private static long startOf(String job, Path file) {
    int dash = job.lastIndexOf('-');
    if (job.startsWith("j") && dash > 0) {
      try {
        return Long.parseLong(job.substring(dash + 1), 36);
      } catch (NumberFormatException e) {
        // not a run manager's id: fall back on the file's time
      }
    }
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  private record JobLog(Path file, long start) {}

  /**
   * The run as a {@link RunSnapshot}, what charts draw: every learner in plan order with its
   * record, the path of its data snapshot and its progress history. The snapshot's time is {@link
   * #publishedAt()}.
   *
   * @throws RunStoreException if {@code history.tsv} cannot be read or is malformed
   */
  public RunSnapshot snapshot() {
    Map<String, List<Progress>> all = history();
    List<LearnerStatus> statuses = new ArrayList<>(learners.size());
    for (LearnerRecord r : learners) {
      statuses.add(new LearnerStatus(r.name(), r.kind(), r.state(), r.npoints(), r.loss(),
          r.failures(), r.lastError(), directory.snapshot(r.name()),
          all.getOrDefault(r.name(), List.of())));
    }
    List<LearnerStatus> gone = new ArrayList<>(removed.size());
    for (LearnerRecord r : removed) {
      gone.add(new LearnerStatus(r.name(), r.kind(), r.state(), r.npoints(), r.loss(),
          r.failures(), r.lastError(), directory.snapshot(r.name()),
          all.getOrDefault(r.name(), List.of())));
    }
    return new RunSnapshot(experiment, directory.root(), publishedAt, statuses, gone);
  }

  /**
   * Whether a run manager is running on this directory now: whether the lock of its run store,
   * {@code run.db.lock}, is held. A run manager holds that lock from the moment it opens the store
   * until it closes it, and the operating system releases it when the manager's process ends,
   * however it ends ({@code kill -9} included), so a run whose manager died reads as not live.
   * Checked at each call.
   *
   * <p>The check takes a shared lock on {@code run.db.lock} for a moment and releases it at once.
   * A run manager that starts in exactly that moment fails to open the store, saying it is in use;
   * start it again. A run manager in this same JVM is detected without taking any lock.
   *
   * @return true if a run manager holds the run store; false if none does, or the directory has
   *     no lock file (no run has started in it yet)
   * @throws UncheckedIOException if the lock file exists but cannot be opened for reading
   */
  public boolean isLive() {
    // The store's lock file, as StoreLock names it (RunDirectory does not expose it).
    Path runDatabase = directory.runDatabase();
    return isLocked(runDatabase.resolveSibling(runDatabase.getFileName() + ".lock"));
  }

  private static boolean isLocked(Path file) {
    Path key = file.toAbsolutePath().normalize();
    synchronized (KEPT_OPEN) {
      FileChannel kept = KEPT_OPEN.remove(key);
      if (kept != null && probe(kept, key)) {
        return true;
      }
      FileChannel channel;
      try {
        channel = FileChannel.open(file, StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open '" + file + "' to see whether a run manager"
            + " holds the run store", e);
      }
      return probe(channel, key);
    }
  }

  // True if the file is locked; closes the channel unless this JVM holds the lock (see KEPT_OPEN).
  private static boolean probe(FileChannel channel, Path key) {
    try {
      FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
      if (lock == null) {
        channel.close(); // another process holds it; this one held nothing to lose
        return true;
      }
      lock.release();
      channel.close(); // no lock of this JVM overlapped ours, so closing drops none
      return false;
    } catch (OverlappingFileLockException e) {
      KEPT_OPEN.put(key, channel);
      return true;
    } catch (IOException e) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the probe failed already; that is the error worth reporting
      }
      throw new UncheckedIOException("cannot see whether a run manager holds '" + key + "'", e);
    }
  }

  @Override
  public String toString() {
    return "RunState[" + experiment + " in " + directory() + ", " + learners.size()
        + " learners]";
  }
}
