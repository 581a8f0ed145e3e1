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
    long updatedMillis) {

  private static final int FORMAT = 1;

  public LearnerRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(backendJob, "backendJob");
    Objects.requireNonNull(lastError, "lastError");
  }

  /** A learner that has never run. */
  public static LearnerRecord fresh(String name, String fingerprint, String kind, String goal) {
    return new LearnerRecord(name, fingerprint, kind, goal, LearnerState.PENDING, "", "", 0, 0,
        Double.POSITIVE_INFINITY, 0, "", 0);
  }

  /** A copy in {@code state}, held by no job. */
  public LearnerRecord released(LearnerState state, long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, state, "", "", failures, npoints, loss,
        elapsedNanos, lastError, now);
  }

  /** A copy held by a job that waits in the backend's queue. */
  public LearnerRecord queuedIn(String job, String backendJob, long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, LearnerState.QUEUED, job, backendJob,
        failures, npoints, loss, elapsedNanos, lastError, now);
  }

  /** A copy held by a running job. */
  public LearnerRecord heldBy(String job, String backendJob, long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, LearnerState.RUNNING, job, backendJob,
        failures, npoints, loss, elapsedNanos, lastError, now);
  }

  /** A copy with a new progress report. */
  public LearnerRecord reported(long npoints, double loss, long elapsedNanos, long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, state, job, backendJob, failures,
        npoints, loss, elapsedNanos, lastError, now);
  }

  /** A copy with one more failure and its error. */
  public LearnerRecord failedOnce(String error, long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, state, job, backendJob, failures + 1,
        npoints, loss, elapsedNanos, error, now);
  }

  /** A copy for a new run of the same learner: new goal, failures forgiven. */
  public LearnerRecord restarted(String goal, LearnerState state, long now) {
    return new LearnerRecord(name, fingerprint, kind, goal, state, "", "", 0, npoints, loss,
        elapsedNanos, state == LearnerState.DONE ? lastError : "", now);
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static LearnerRecord decode(String name, byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IllegalStateException("learner record format " + format + " is unknown");
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
      return new LearnerRecord(name, fingerprint, kind, goal, state, job, backendJob, failures,
          npoints, loss, elapsed, new String(error, java.nio.charset.StandardCharsets.UTF_8),
          updated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
