/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import io.adaptive.AdaptiveException;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on this machine within a core budget: a job starts when its cores fit in what the
 * running jobs leave free; the others wait in submission order (a smaller job may start ahead of a
 * larger one that does not fit yet). Thread-safe.
 */
final class BudgetedSession implements BackendSession {

  private static final Logger log = LoggerFactory.getLogger(BudgetedSession.class);
  private static final long STOP_GRACE_MILLIS = 30_000;
  /** Exit status reported for a job cancelled before it started, as a shell reports SIGTERM. */
  private static final int CANCELLED_BEFORE_START = 143;

  private final int budget;
  private final Starter starter;
  private final String name;
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final List<Job> queue = new ArrayList<>();
  private int used;
  private int peak;
  private long sequence;
  private boolean closed;

  private static final class Job {
    final String id;
    final JobRequest request;
    Starter.Started started;
    int exitStatus = -1;
    boolean adopted;
    boolean ended;

    Job(String id, JobRequest request) {
      this.id = id;
      this.request = request;
    }
  }

  BudgetedSession(int budget, Starter starter, String name) {
    this.budget = budget;
    this.starter = starter;
    this.name = name;
  }

  @Override
  public synchronized String submit(JobRequest request) {
    if (closed) {
      throw new IllegalStateException("the " + name + " backend session is closed");
    }
    if (request.cores() > budget) {
      throw new AdaptiveException("job for learner '" + request.learner() + "' asks for "
          + request.cores() + " cores, more than the budget of " + budget);
    }
    Job job = new Job(name + "-" + (++sequence), request);
    jobs.put(job.id, job);
    queue.add(job);
    startWhatFits();
    return job.id;
  }

  private void startWhatFits() {
    for (Job job : List.copyOf(queue)) {
      if (closed || !queue.contains(job) || used + job.request.cores() > budget) {
        continue;
      }
      queue.remove(job);
      used += job.request.cores();
      peak = Math.max(peak, used);
      try {
        job.started = starter.start(job.request, status -> ended(job, status));
      } catch (Exception e) {
        used -= job.request.cores();
        job.exitStatus = 127;
        log.error("starting job {} for learner {} failed: {}", job.id, job.request.learner(),
            e.toString());
      }
    }
  }

  private synchronized void ended(Job job, int status) {
    used -= job.request.cores();
    job.exitStatus = status;
    job.ended = true;
    startWhatFits();
  }

  @Override
  public synchronized boolean adopt(String jobId, JobRequest request) {
    if (jobs.containsKey(jobId)) {
      return !jobs.get(jobId).ended;
    }
    Job job = new Job(jobId, request);
    job.adopted = true;
    Starter.Started started = starter.adopt(request, status -> ended(job, status));
    if (started == null) {
      return false;
    }
    // An adopted job counts against the budget even if that overcommits it for a while.
    used += request.cores();
    peak = Math.max(peak, used);
    job.started = started;
    jobs.put(jobId, job);
    return true;
  }

  @Override
  public synchronized Map<String, JobStatus> poll() {
    Map<String, JobStatus> statuses = new HashMap<>();
    for (Job job : jobs.values()) {
      JobState state;
      if (job.ended && job.adopted && job.exitStatus < 0) {
        state = JobState.UNKNOWN;
      } else if (job.ended || job.exitStatus >= 0) {
        state = JobState.EXITED;
      } else if (job.started == null) {
        state = JobState.QUEUED;
      } else {
        state = JobState.RUNNING;
      }
      statuses.put(job.id, new JobStatus(job.id, state, job.exitStatus));
    }
    return statuses;
  }

  /** The most cores that were in use at once during this session. */
  synchronized int peakCores() {
    return peak;
  }

  @Override
  public synchronized void cancel(String jobId) {
    Job job = jobs.get(jobId);
    if (job == null || job.ended || job.exitStatus >= 0) {
      return;
    }
    if (job.started == null) {
      queue.remove(job);
      job.exitStatus = CANCELLED_BEFORE_START;
    } else {
      job.started.stop();
    }
  }

  @Override
  public synchronized void kill(String jobId) {
    Job job = jobs.get(jobId);
    if (job == null || job.ended) {
      return;
    }
    if (job.started == null) {
      cancel(jobId);
    } else {
      job.started.kill();
    }
  }

  @Override
  public void close() {
    List<Starter.Started> running = new ArrayList<>();
    synchronized (this) {
      closed = true;
      queue.clear();
      for (Job job : jobs.values()) {
        if (job.started != null && !job.ended) {
          running.add(job.started);
          job.started.stop();
        }
      }
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MILLIS);
    for (Starter.Started started : running) {
      while (started.isAlive() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (started.isAlive()) {
        started.kill();
      }
    }
  }
}
