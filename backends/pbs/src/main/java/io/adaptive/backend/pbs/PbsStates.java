/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What a PBS state letter and exit status mean for a learner's job (batch-systems.md §4.4, §4.6).
 *
 * <p>Only a job that has ended is {@link JobState#EXITED}: a held, waiting, suspended or exiting
 * job is alive and must not be resubmitted (adaptive-scheduler kept only R and Q and so ran
 * learners twice). A suspended job is reported {@link JobState#QUEUED}, not running: its worker is
 * paused, and the run manager must not count its missing heartbeats against it.
 */
final class PbsStates {

  /** Exit status that PBS gives a job its server killed with SIGTERM: 256 + 15. */
  static final int KILLED_BY_SERVER = 271;

  private PbsStates() {}

  /** The status of {@code job} as the run manager reads it. */
  static JobStatus status(QstatJob job) {
    String letter = job.state();
    String id = job.id();
    return switch (letter) {
      case "Q" -> alive(id, JobState.QUEUED, "Q (queued)" + comment(job));
      case "H" -> alive(id, JobState.QUEUED, "H (held: it will not start by itself; release it"
          + " with qrls " + id + ", or cancel the learner)" + comment(job));
      case "W" -> alive(id, JobState.QUEUED, "W (waiting for its start time)" + comment(job));
      case "T" -> alive(id, JobState.QUEUED, "T (in transit between servers)");
      case "R" -> alive(id, JobState.RUNNING, "R (running)");
      case "B" -> alive(id, JobState.RUNNING, "B (array job, subjobs begun)");
      case "S" -> alive(id, JobState.QUEUED, "S (suspended by the server; paused, alive)");
      case "U" -> alive(id, JobState.QUEUED, "U (suspended, workstation busy; paused, alive)");
      case "E" -> alive(id, JobState.RUNNING, "E (exiting; not resubmitted until it has ended)");
      case "F", "C", "X" -> ended(job, letter);
      case "M" -> new JobStatus(id, JobState.UNKNOWN, -1,
          "M (moved to another server; this server no longer tracks it)", false);
      default -> alive(id, JobState.QUEUED, "unknown PBS state '" + letter
          + "' (treated as alive)");
    };
  }

  /** True if the job is held: it waits for a person, and a warning should say so. */
  static boolean held(QstatJob job) {
    return job.state().equals("H");
  }

  private static JobStatus alive(String id, JobState state, String detail) {
    return new JobStatus(id, state, -1, detail, false);
  }

  private static String comment(QstatJob job) {
    String comment = job.get("comment");
    return comment.isEmpty() ? "" : ": " + comment;
  }

  private static JobStatus ended(QstatJob job, String letter) {
    String attribute = job.attributes().containsKey("exit_status") ? "exit_status" : "Exit_status";
    OptionalInt exit = job.exitStatus();
    String id = job.id();
    if (exit.isEmpty()) {
      return new JobStatus(id, JobState.EXITED, -1, letter + " (ended; qstat shows no exit"
          + " status)", false);
    }
    int code = exit.getAsInt();
    String said = String.format(Locale.ROOT, "%s, %s %d", letter, attribute, code);
    if (code >= 0 && code <= 255) {
      return new JobStatus(id, JobState.EXITED, code, said + (code > 128
          ? ": its last command was killed by signal " + (code - 128) : ""), false);
    }
    if (code == KILLED_BY_SERVER) {
      boolean atLimit = reachedWalltime(job);
      return new JobStatus(id, JobState.EXITED, code, said + (atLimit
          ? ": killed by the server at its walltime limit (SIGTERM) before it could stop itself"
          : ": killed by the server with SIGTERM (qdel, or its walltime limit)"), atLimit);
    }
    if (code > 256) {
      return new JobStatus(id, JobState.EXITED, code, said + ": killed by the server with signal "
          + (code - 256), false);
    }
    return switch (code) {
      case -1, -2, -3 -> new JobStatus(id, JobState.EXITED, -1, said + ": the job could not be"
          + " started on its node (JOB_EXEC " + (code == -3 ? "RETRY" : "FAIL" + -code) + ")",
          true);
      case -10 -> new JobStatus(id, JobState.EXITED, 137, said + ": killed for exceeding its"
          + " memory limit", false);
      case -11 -> new JobStatus(id, JobState.EXITED, 143, said + ": killed at its walltime"
          + " limit", true);
      case -12 -> new JobStatus(id, JobState.EXITED, 137, said + ": killed for exceeding its CPU"
          + " time limit", false);
      default -> new JobStatus(id, JobState.EXITED, -1, said + ": ended by the batch system",
          false);
    };
  }

  // The walltime kill and a qdel both end in 271; only a job that used up its walltime hit the
  // limit. Without both attributes it is taken as a qdel: charging a failure is the safe mistake.
  private static boolean reachedWalltime(QstatJob job) {
    long limit = seconds(job.get("Resource_List.walltime"));
    long used = seconds(job.get("resources_used.walltime"));
    return limit > 0 && used >= limit;
  }

  /** {@code HH:MM:SS} (hours may exceed 99) in seconds; -1 if it is not in that form. */
  static long seconds(String walltime) {
    String[] parts = walltime.trim().split(":");
    if (parts.length != 3) {
      return -1;
    }
    try {
      return Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60
          + Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
