/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.AdaptiveException;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.LearnerTask;
import io.adaptive.runtime.Upstream;
import io.adaptive.runtime.learn.BoundLearner;
import io.adaptive.runtime.learn.Learners;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task of a multi-task job other than the first: waits for the job's worker to publish its
 * address in the rendezvous file ({@link Role#RENDEZVOUS}), connects, proves the run's secret and
 * its learners' fingerprints, then evaluates the points the worker sends with
 * {@code cores / tasks} threads and sends back their values. It ends when the worker says goodbye
 * or the connection closes; it never reads or writes the learner's data.
 */
public final class Evaluator {

  private static final Logger log = LoggerFactory.getLogger(Evaluator.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private final ExecutionPlan plan;
  private final WorkerAssignment assignment;
  private final JobTasks tasks;
  private final String name;
  private final AtomicLong evaluated = new AtomicLong();

  private Evaluator(ExecutionPlan plan, WorkerAssignment assignment, JobTasks tasks, String name) {
    this.plan = plan;
    this.assignment = assignment;
    this.tasks = tasks;
    this.name = name;
  }

  /**
   * Evaluates points for the worker of this JVM's job until it ends, and returns the exit status:
   * {@link ExitStatus#DONE} when the worker ended or went away, {@link ExitStatus#REFUSED} if the
   * worker refused this evaluator or it cannot run the job's learners.
   *
   * @param environment where the assignment ({@link WorkerAssignment#fromEnvironment}) and the
   *     job's tasks ({@link JobTasks#fromEnvironment}) are read
   * @throws AdaptiveException if the environment lacks a variable, or no worker published its
   *     address within the rendezvous timeout
   */
  public static int run(ExecutionPlan plan, Map<String, String> environment) {
    WorkerAssignment assignment = WorkerAssignment.fromEnvironment(environment);
    JobTasks tasks = JobTasks.fromEnvironment(environment);
    if (!tasks.isMultiTask()) {
      throw new AdaptiveException("this JVM runs as an evaluator (" + Role.ROLE + "="
          + Role.EVALUATOR + ") but " + Role.TASKS + " is '" + environment.getOrDefault(Role.TASKS,
          "") + "'; evaluators exist only in jobs of several tasks, so set " + Role.TASKS
          + " to the job's tasks in every task, or start this task as the worker");
    }
    return new Evaluator(plan, assignment, tasks, name(environment)).run();
  }

  // For logs: the node, the pid, and the scheduler's rank of this task where there is one.
  private static String name(Map<String, String> environment) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String rank = environment.getOrDefault("SLURM_PROCID", environment.getOrDefault("PMI_RANK",
        ""));
    return (rank.isEmpty() ? "" : "task " + rank + " ") + "pid " + ProcessHandle.current().pid()
        + "@" + host;
  }

  private int run() {
    List<BoundLearner<?, ?>> learners = new ArrayList<>();
    List<String> fingerprints = new ArrayList<>();
    int cores = 0;
    for (String learner : assignment.learners()) {
      LearnerTask task;
      try {
        task = plan.learner(learner);
        learners.add(Learners.bind(task.spec()));
      } catch (IllegalArgumentException e) {
        log.error("this evaluator cannot run learner '{}' of its job: {}", learner,
            e.getMessage());
        return ExitStatus.REFUSED;
      }
      fingerprints.add(task.fingerprint());
      cores += task.resources().cores();
    }
    int threads = tasks.threadsPerTask(cores);
    String address;
    try {
      address = Rendezvous.await(tasks.rendezvous(), tasks.rendezvousTimeout());
    } catch (InterruptedException e) {
      return ExitStatus.STOPPED;
    }
    int colon = address.lastIndexOf(':');
    List<ExecutorService> pools = new ArrayList<>();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.substring(0, colon),
          Integer.parseInt(address.substring(colon + 1))), CONNECT_TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String refusal = handshake(in, out, threads, fingerprints);
      if (refusal != null) {
        log.error("the worker at {} refused this evaluator: {}", address, refusal);
        return ExitStatus.REFUSED;
      }
      log.info("evaluator {} joined the worker at {} with {} threads for {}", name, address,
          threads, String.join(", ", assignment.learners()));
      for (String learner : assignment.learners()) {
        pools.add(pool(learner));
      }
      serve(in, out, learners, pools);
    } catch (IOException | NumberFormatException e) {
      log.warn("evaluator {} lost the worker at {}: {}", name, address, e.toString());
    } finally {
      pools.forEach(ExecutorService::shutdownNow);
    }
    log.info("evaluator {} evaluated {} points", name, evaluated.get());
    return ExitStatus.DONE;
  }

  /** Answers the challenge; returns why the worker refused, or null if it accepted. */
  private String handshake(InputStream in, OutputStream out, int threads,
      List<String> fingerprints) throws IOException {
    String challenge = EvaluatorWire.readLine(in);
    if (challenge == null) {
      throw new IOException("the worker closed the connection before its challenge");
    }
    List<String> words = EvaluatorWire.words(challenge, 3);
    if (!words.get(0).equals("CHALLENGE") || !words.get(1).equals(EvaluatorWire.VERSION)) {
      return "it speaks '" + words.get(0) + " " + words.get(1) + "', not " + EvaluatorWire.VERSION
          + "; the worker and the evaluators must run the same jar";
    }
    EvaluatorWire.writeLine(out, String.join(" ", "HELLO", EvaluatorWire.VERSION,
        EvaluatorWire.proof(assignment.secret(), words.get(2)), Integer.toString(threads),
        EvaluatorWire.encodeText(name), String.join(",", fingerprints)));
    String answer = EvaluatorWire.readLine(in);
    if (answer == null) {
      throw new IOException("the worker closed the connection without answering");
    }
    if (answer.startsWith("REFUSED ")) {
      return EvaluatorWire.decodeText(EvaluatorWire.words(answer, 2).get(1));
    }
    if (!answer.equals("OK")) {
      throw new EvaluatorWire.MalformedException("unexpected answer from the worker");
    }
    return null;
  }

  // Cached, like the worker's: a thread stuck in a cancelled evaluation must not take a slot.
  private ExecutorService pool(String learner) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(Upstream.bound(assignment.store(), plan, learner, runnable),
          "adaptive-eval-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  private void serve(InputStream in, OutputStream out, List<BoundLearner<?, ?>> learners,
      List<ExecutorService> pools) throws IOException {
    Map<Long, Future<?>> running = new ConcurrentHashMap<>();
    while (true) {
      String line = EvaluatorWire.readLine(in);
      if (line == null || line.equals("BYE")) {
        return;
      }
      if (line.startsWith("CANCEL ")) {
        Future<?> cancelled = running.remove(
            EvaluatorWire.number(EvaluatorWire.words(line, 2).get(1)));
        if (cancelled != null) {
          cancelled.cancel(true);
        }
        continue;
      }
      List<String> words = EvaluatorWire.words(line, 4);
      if (!words.get(0).equals("EVAL")) {
        throw new EvaluatorWire.MalformedException("unexpected message '" + words.get(0) + "'");
      }
      long id = EvaluatorWire.number(words.get(1));
      long index = EvaluatorWire.number(words.get(2));
      if (index < 0 || index >= learners.size()) {
        throw new EvaluatorWire.MalformedException("learner index " + index + " of a job of "
            + learners.size());
      }
      BoundLearner<?, ?> learner = learners.get((int) index);
      String point = words.get(3);
      // Registered before it starts, so that a quick evaluation finds itself there and replies.
      FutureTask<Void> evaluation = new FutureTask<>(() -> {
        String reply = answer(id, learner, point);
        evaluated.incrementAndGet();
        if (running.remove(id) != null) { // else cancelled: the worker no longer waits for it
          synchronized (out) {
            try {
              EvaluatorWire.writeLine(out, reply);
            } catch (IOException e) {
              // The reading loop sees the broken connection and ends the evaluator.
            }
          }
        }
      }, null);
      running.put(id, evaluation);
      pools.get((int) index).execute(evaluation);
    }
  }

  /** The reply to one point: its value, or its error. */
  static <P, V> String answer(long id, BoundLearner<P, V> learner, String encodedPoint) {
    P point;
    try {
      point = EvaluatorWire.decode(learner.learner().codec().point(), encodedPoint);
    } catch (EvaluatorWire.MalformedException e) {
      return "ERROR " + id + " 0 " + EvaluatorWire.encodeText(e.toString());
    }
    PointEvaluation<V> result = PointEvaluation.of(learner.function(), point);
    if (result.error() == null) {
      return "VALUE " + id + " " + EvaluatorWire.encode(learner.learner().codec().value(),
          result.value());
    }
    StringWriter trace = new StringWriter();
    result.error().printStackTrace(new PrintWriter(trace));
    return "ERROR " + id + " " + (result.nonFinite() ? "1" : "0") + " "
        + EvaluatorWire.encodeText(trace.toString());
  }
}
