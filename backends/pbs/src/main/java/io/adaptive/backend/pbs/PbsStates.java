/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import io.adaptive.backend.batch.SchedulerJob;
import io.adaptive.backend.batch.SchedulerState;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What a PBS state letter and exit status mean (batch-systems.md §4.4, §4.6), in the batch core's
 * shared {@link SchedulerState} words.
 *
 * <p>Only F, C and X have ended: a held, waiting, suspended or exiting job is alive and must not
 * be resubmitted (adaptive-scheduler kept only R and Q and so ran learners twice).
 */
final class PbsStates {

  /** How qstat prints times ({@code stime = Fri Nov 27 15:47:39 2026}), in the server's zone. */
  private static final DateTimeFormatter CTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

  /** Exit status that PBS gives a job its server killed with SIGTERM: 256 + 15. */
  static final int KILLED_BY_SERVER = 271;

  private PbsStates() {}

  /** A state letter and the reason that goes with it. */
  record Reading(SchedulerState state, String reason, int exitStatus) {}

  /**
   * What {@code job}'s letter and exit status say. M (moved to another server) is not handled
   * here: the caller drops such a job, so that it counts as vanished.
   */
  static Reading read(QstatJob job) {
    return read(job, null);
  }

  /**
   * As {@link #read(QstatJob)}, and a running or exiting job whose walltime has run out by
   * {@code clock} (its {@code stime} plus {@code Resource_List.walltime}, or its
   * {@code resources_used.walltime}) is read as {@link SchedulerState#TIMEOUT}: the server is
   * killing it at the limit. PBS shows the walltime kill only once the job is F (271), but the job
   * wrapper's exit file comes during the kill, while the job is still R or E; without this, a
   * worker stopped by the kill would be charged a failure instead of being resumed.
   *
   * @param clock the time now, in the PBS server's zone; null to skip the check
   */
  static Reading read(QstatJob job, Clock clock) {
    String letter = job.state();
    if (clock != null && (letter.equals("R") || letter.equals("E")) && pastWalltime(job, clock)) {
      return new Reading(SchedulerState.TIMEOUT, "at its walltime limit of "
          + job.get("Resource_List.walltime") + " (started " + job.get("stime") + "): the server"
          + " is ending it", SchedulerJob.NO_EXIT_STATUS);
    }
    String comment = job.get("comment");
    int none = SchedulerJob.NO_EXIT_STATUS;
    return switch (letter) {
      case "Q" -> new Reading(SchedulerState.PENDING, comment, none);
      case "H" -> new Reading(SchedulerState.PENDING, "held: it will not start by itself;"
          + " release it with qrls " + job.id() + (comment.isEmpty() ? "" : " (" + comment + ")"),
          none);
      case "W" -> new Reading(SchedulerState.PENDING, "waiting for its start time", none);
      case "T" -> new Reading(SchedulerState.PENDING, "in transit between servers", none);
      case "R", "B" -> new Reading(SchedulerState.RUNNING, "", none);
      case "S" -> new Reading(SchedulerState.SUSPENDED, "suspended by the server", none);
      case "U" -> new Reading(SchedulerState.SUSPENDED, "suspended, workstation busy", none);
      case "E" -> new Reading(SchedulerState.COMPLETING, "exiting", none);
      case "F", "C", "X" -> ended(job);
      default -> new Reading(SchedulerState.OTHER, "unknown PBS state '" + letter + "'", none);
    };
  }

  /** True if the job has moved to another server: this one no longer tracks it. */
  static boolean moved(QstatJob job) {
    return job.state().equals("M");
  }

  private static Reading ended(QstatJob job) {
    String attribute = job.attributes().containsKey("exit_status") ? "exit_status" : "Exit_status";
    OptionalInt exit = job.exitStatus();
    if (exit.isEmpty()) {
      // slurm-wlm-torque shows every ended job as C without an exit status: the exit file decides.
      return new Reading(SchedulerState.FAILED, "ended; qstat shows no exit status",
          SchedulerJob.NO_EXIT_STATUS);
    }
    int code = exit.getAsInt();
    String said = String.format(Locale.ROOT, "%s %d", attribute, code);
    if (code == 0) {
      return new Reading(SchedulerState.COMPLETED, "", 0);
    }
    if (code > 0 && code <= 255) {
      return new Reading(SchedulerState.FAILED, said + (code > 128
          ? ": its last command was killed by signal " + (code - 128) : ""), code);
    }
    if (code == KILLED_BY_SERVER) {
      return reachedWalltime(job)
          ? new Reading(SchedulerState.TIMEOUT, said + ": killed by the server at its walltime"
              + " limit (SIGTERM)", code)
          : new Reading(SchedulerState.CANCELLED, said + ": killed by the server with SIGTERM"
              + " (qdel)", code);
    }
    if (code > 256) {
      return new Reading(SchedulerState.FAILED, said + ": killed by the server with signal "
          + (code - 256), code);
    }
    return switch (code) {
      case -1, -2, -3 -> new Reading(SchedulerState.BOOT_FAIL, said + ": the job could not start"
          + " on its node (JOB_EXEC_" + (code == -3 ? "RETRY" : "FAIL" + -code) + ")", code);
      case -10 -> new Reading(SchedulerState.OUT_OF_MEMORY, said + ": over its memory limit", code);
      case -11 -> new Reading(SchedulerState.TIMEOUT, said + ": over its walltime limit", code);
      case -12 -> new Reading(SchedulerState.FAILED, said + ": over its CPU time limit", code);
      default -> new Reading(SchedulerState.FAILED, said + ": ended by the batch system", code);
    };
  }

  // The walltime kill and a qdel both end in 271; only a job that used up its walltime hit the
  // limit. Without both attributes it is taken as a qdel: charging a failure is the safe mistake.
  private static boolean reachedWalltime(QstatJob job) {
    long limit = seconds(job.get("Resource_List.walltime"));
    long used = seconds(job.get("resources_used.walltime"));
    return limit > 0 && used >= limit;
  }

  private static boolean pastWalltime(QstatJob job, Clock clock) {
    long limit = seconds(job.get("Resource_List.walltime"));
    if (limit <= 0) {
      return false;
    }
    if (seconds(job.get("resources_used.walltime")) >= limit) {
      return true;
    }
    try {
      LocalDateTime started = LocalDateTime.parse(job.get("stime").trim(), CTIME);
      return !LocalDateTime.now(clock).isBefore(started.plusSeconds(limit));
    } catch (DateTimeParseException e) {
      return false;
    }
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
