/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import io.adaptive.runtime.LearnerState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * What the run database knows of one learner.
 *
 * @param name the learner's name
 * @param fingerprint what defines its data (hex SHA-256)
 * @param kind the learner type
 * @param goal the goal it ran to, as {@code Goal.describe()} writes it
 * @param state where it is in its life
 * @param job the manager's id of the job that holds it; empty if none
 * @param backendJob the backend's id of that job; empty if none
 * @param failures jobs that ended in failure since the learner was last (re)started
 * @param npoints evaluated points at the last report
 * @param loss loss at the last report
 * @param elapsedNanos run time summed over all its jobs, at the last report
 * @param lastError the last failure's message, stack trace and log tail; empty if none
 * @param updatedMillis when this record last changed, milliseconds since the epoch
 * @param interruptions jobs that ended through no fault of the learner (walltime, node failure,
 *     preemption, an unwatched end); kept when a run manager restarts, forgiven when a failed or
 *     cancelled learner is run again. 0 in records written before format 2.
 * @param stopping why the run manager is stopping the learner's job (the user cancelled it, a
 *     heartbeat timeout, a kill pattern), recorded before it asks the backend; empty if it is not
 *     stopping it. Cleared once the learner is released from that job.
 */
public record LearnerRecord(
    String name,
    String fingerprint,
    String kind,
    String goal,
    LearnerState state,
    String job,
    String backendJob,
    int failures,
    long npoints,
    double loss,
    long elapsedNanos,
    String lastError,
    long updatedMillis,
    int interruptions,
    String stopping) {

  /** Format 2 added {@code interruptions} and {@code stopping}; format 1 is still read. */
  private static final int FORMAT = 2;

  public LearnerRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(backendJob, "backendJob");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(stopping, "stopping");
  }

  /** A record with no interruptions and no stop under way. */
  public LearnerRecord(String name, String fingerprint, String kind, String goal,
      LearnerState state, String job, String backendJob, int failures, long npoints, double loss,
      long elapsedNanos, String lastError, long updatedMillis) {
    this(name, fingerprint, kind, goal, state, job, backendJob, failures, npoints, loss,
        elapsedNanos, lastError, updatedMillis, 0, "");
  }

  /** A learner that has never run. */
  public static LearnerRecord fresh(String name, String fingerprint, String kind, String goal) {
    return new LearnerRecord(name, fingerprint, kind, goal, LearnerState.PENDING, "", "", 0, 0,
        Double.POSITIVE_INFINITY, 0, "", 0);
  }

  /** A copy in {@code state}, held by no job. */
  public LearnerRecord released(LearnerState state, long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, state, "", "", failures, npoints, loss,
        elapsedNanos, lastError, now, interruptions, "");
  }

  /** A copy held by a job that waits in the backend's queue. */
  public LearnerRecord queuedIn(String job, String backendJob, long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, LearnerState.QUEUED, job, backendJob,
        failures, npoints, loss, elapsedNanos, lastError, now, interruptions, "");
  }

  /** A copy held by a running job. */
  public LearnerRecord heldBy(String job, String backendJob, long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, LearnerState.RUNNING, job, backendJob,
        failures, npoints, loss, elapsedNanos, lastError, now, interruptions, stopping);
  }

  /** A copy with a new progress report. */
  public LearnerRecord reported(long npoints, double loss, long elapsedNanos, long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, state, job, backendJob, failures,
        npoints, loss, elapsedNanos, lastError, now, interruptions, stopping);
  }

  /** A copy with one more failure and its error. */
  public LearnerRecord failedOnce(String error, long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, state, job, backendJob, failures + 1,
        npoints, loss, elapsedNanos, error, now, interruptions, stopping);
  }

  /** A copy with one more interruption. */
  public LearnerRecord interrupted(long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, state, job, backendJob, failures,
        npoints, loss, elapsedNanos, lastError, now, interruptions + 1, stopping);
  }

  /** A copy saying why the run manager stops its job, before it asks the backend to. */
  public LearnerRecord stopping(String why, long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, state, job, backendJob, failures,
        npoints, loss, elapsedNanos, lastError, now, interruptions, why);
  }

  /**
   * A copy for a new run of the same learner: new goal, failures forgiven. Interruptions are
   * forgiven only if it had failed, was cancelled or was done (the user runs it again); one that a
   * restarted run manager takes up again keeps them, so that restarts do not reset the cap.
   */
  public LearnerRecord restarted(String goal, LearnerState state, long now) {
    boolean retried = this.state == LearnerState.FAILED || this.state == LearnerState.CANCELLED
        || this.state == LearnerState.DONE;
    return new LearnerRecord(name, fingerprint, kind, goal, state, "", "", 0, npoints, loss,
        elapsedNanos, state == LearnerState.DONE ? lastError : "", now,
        retried ? 0 : interruptions, "");
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeUTF(fingerprint);
      out.writeUTF(kind);
      out.writeUTF(goal);
      out.writeUTF(state.name());
      out.writeUTF(job);
      out.writeUTF(backendJob);
      out.writeInt(failures);
      out.writeLong(npoints);
      out.writeDouble(loss);
      out.writeLong(elapsedNanos);
      byte[] error = lastError.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(error.length);
      out.write(error);
      out.writeLong(updatedMillis);
      out.writeInt(interruptions);
      byte[] why = stopping.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(why.length);
      out.write(why);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static LearnerRecord decode(String name, byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      int format = in.readInt();
      if (format != 1 && format != FORMAT) {
        throw new IllegalStateException("learner record format " + format + " is unknown (this"
            + " adaptive-java reads formats 1 and " + FORMAT + "; a newer one wrote it)");
      }
      String fingerprint = in.readUTF();
      String kind = in.readUTF();
      String goal = in.readUTF();
      LearnerState state = LearnerState.valueOf(in.readUTF());
      String job = in.readUTF();
      String backendJob = in.readUTF();
      int failures = in.readInt();
      long npoints = in.readLong();
      double loss = in.readDouble();
      long elapsed = in.readLong();
      byte[] error = new byte[in.readInt()];
      in.readFully(error);
      long updated = in.readLong();
      int interruptions = 0;
      String stopping = "";
      if (format >= 2) {
        interruptions = in.readInt();
        byte[] why = new byte[in.readInt()];
        in.readFully(why);
        stopping = new String(why, java.nio.charset.StandardCharsets.UTF_8);
      }
      return new LearnerRecord(name, fingerprint, kind, goal, state, job, backendJob, failures,
          npoints, loss, elapsed, new String(error, java.nio.charset.StandardCharsets.UTF_8),
          updated, interruptions, stopping);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
