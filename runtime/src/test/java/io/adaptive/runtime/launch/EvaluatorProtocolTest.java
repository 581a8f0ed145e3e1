/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.adaptive.AdaptiveException;
import io.adaptive.plan.AverageLearner1DSpec;
import io.adaptive.plan.AverageLearnerSpec;
import io.adaptive.plan.BalancingLearnerSpec;
import io.adaptive.plan.BalancingStrategy;
import io.adaptive.plan.DataSaverSpec;
import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.IntegratorLearnerSpec;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.Learner2DSpec;
import io.adaptive.plan.LearnerSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Loss1D;
import io.adaptive.plan.Loss2D;
import io.adaptive.plan.ResourceShape;
import io.adaptive.plan.Sample;
import io.adaptive.plan.SequenceLearnerSpec;
import io.adaptive.plan.VectorLearner1DSpec;
import io.adaptive.plan.VectorLearner2DSpec;
import io.adaptive.runtime.learn.BoundLearner;
import io.adaptive.runtime.learn.Codec;
import io.adaptive.runtime.learn.Codecs;
import io.adaptive.runtime.learn.Learner;
import io.adaptive.runtime.learn.Learners;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worker's {@link EvaluatorHub} and real {@link Evaluator}s (on threads of this JVM) over
 * loopback sockets: points and values of every learner type, authentication, refusals, lost and
 * cancelled points.
 */
@org.junit.jupiter.api.Timeout(60)
final class EvaluatorProtocolTest {

  private static final String SECRET = "0123456789abcdef".repeat(4);
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @TempDir Path store;

  private final ExecutorService background = Executors.newCachedThreadPool();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable closeable : closing) {
      closeable.close();
    }
    background.shutdownNow();
  }

  // ---- points and values of every learner type, through a real evaluator ----

  static Stream<Arguments> learners() {
    Loss1D loss = new Loss1D.Default();
    return Stream.of(
        Arguments.of("learner1D", new Learner1DSpec(-1, 1, loss, x -> Math.sin(7 * x) / 3)),
        Arguments.of("vector learner1D", new VectorLearner1DSpec(-1, 1, 3, loss,
            x -> new double[] {x / 3, -0.0 * x, Math.exp(x) * 1e-300})),
        Arguments.of("learner2D", new Learner2DSpec(-1, 1, 0, 2, new Loss2D.Default(),
            (x, y) -> x * y / 7 + Math.ulp(y))),
        Arguments.of("vector learner2D", new VectorLearner2DSpec(-1, 1, 0, 2, 2,
            new Loss2D.Default(), (x, y) -> new double[] {x / 3, y / 7})),
        Arguments.of("average", new AverageLearnerSpec(0.1, 0.1, 5,
            seed -> new java.util.SplittableRandom(seed).nextDouble())),
        Arguments.of("average1D", new AverageLearner1DSpec(-1, 1, 0.1, 0.005, 0.3, 3, 100,
            0.001, loss, (seed, x) -> x + new java.util.SplittableRandom(seed).nextGaussian())),
        Arguments.of("integrator", new IntegratorLearnerSpec(0, 1, 1e-8, x -> Math.sqrt(x) / 3)),
        Arguments.of("sequence", new SequenceLearnerSpec(List.of(0.1, -0.0, 1e-310, 3.0),
            x -> x / 3)),
        Arguments.of("balancing", new BalancingLearnerSpec(BalancingStrategy.LOSS_IMPROVEMENTS,
            List.of(new BalancingLearnerSpec.Child("a", List.of(),
                    new Learner1DSpec(0, 1, loss, x -> x / 3)),
                new BalancingLearnerSpec.Child("b", List.of(),
                    new Learner1DSpec(0, 1, loss, x -> x / 7))))),
        Arguments.of("dataSaver", new DataSaverSpec(new Learner1DSpec(0, 1, loss, x -> x),
            x -> new Sample(x / 3, new TreeMap<>(Map.of("energy", x / 7, "count", 1.0))))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void evaluate_everyLearnerType_valuesComeBackBitForBit(String type, LearnerSpec spec)
      throws Exception {
    ExecutionPlan plan = plan(spec);
    EvaluatorHub hub = hub(plan);
    Future<Integer> evaluator = evaluator(plan, hub, 2);
    await().atMost(Duration.ofSeconds(30)).until(() -> hub.capacity() == 2);

    BoundLearner<?, ?> bound = Learners.bind(spec);
    int compared = compareValues(hub, bound);

    assertThat(compared).as("points compared").isGreaterThan(2);
    hub.close();
    assertThat(evaluator.get(30, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
  }

  /** Asks the learner for points, evaluates them on the evaluator and here, compares the bits. */
  private static <P, V> int compareValues(EvaluatorHub hub, BoundLearner<P, V> bound)
      throws Exception {
    Learner<P, V> learner = bound.learner();
    int compared = 0;
    for (int round = 0; round < 3; round++) {
      for (P point : learner.ask(4, true).points()) {
        EvaluatorHub.Slot slot = await().atMost(Duration.ofSeconds(10)).until(hub::reserve,
            java.util.Objects::nonNull);
        String sent = EvaluatorWire.encode(learner.codec().point(), point);
        EvaluatorHub.Reply reply = slot.evaluate(0, sent);
        assertThat(reply.kind()).as("reply at %s: %s", point, reply.error())
            .isEqualTo(EvaluatorHub.Reply.Kind.VALUE);
        V here = bound.function().apply(point);
        assertThat(reply.value()).as("the value at %s, bit for bit", sent)
            .isEqualTo(EvaluatorWire.encode(learner.codec().value(), here));
        V there = EvaluatorWire.decode(learner.codec().value(), reply.value());
        assertThat(EvaluatorWire.encode(learner.codec().value(), there)).isEqualTo(reply.value());
        learner.tell(point, there);
        compared++;
      }
    }
    return compared;
  }

  // ---- the wire format ----

  @Test
  void encode_awkwardDoubles_roundTripToTheSameBits() throws Exception {
    Codec<Double> doubles = Codecs.doubles("x");
    for (double x : new double[] {-0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE,
        Math.nextUp(1.0), 0.1, -1e-310, Double.NaN, Double.NEGATIVE_INFINITY}) {
      Double back = EvaluatorWire.decode(doubles, EvaluatorWire.encode(doubles, x));
      assertThat(Double.doubleToRawLongBits(back)).as("%s", x)
          .isEqualTo(Double.doubleToRawLongBits(x));
    }
  }

  @Test
  void encode_nanWithAPayload_comesBackAsTheCanonicalNan_asInTheDataFile() throws Exception {
    // DataOutput.writeDouble keeps one NaN; the evaluator's values match what the worker saves.
    Codec<Double> doubles = Codecs.doubles("x");
    double payload = Double.longBitsToDouble(0x7ff8000000000123L);
    Double back = EvaluatorWire.decode(doubles, EvaluatorWire.encode(doubles, payload));
    assertThat(Double.doubleToRawLongBits(back))
        .isEqualTo(Double.doubleToRawLongBits(Double.NaN));
  }

  @Test
  void decode_extraBytes_isMalformedAndSaysWhy() {
    String twoDoubles = EvaluatorWire.encode(Codecs.doubleArrays("y", 2), new double[] {1, 2});
    assertThatThrownBy(() -> EvaluatorWire.decode(Codecs.doubles("x"), twoDoubles))
        .isInstanceOf(EvaluatorWire.MalformedException.class)
        .hasMessage("8 bytes left after a value of columns [x]; the worker and this evaluator run"
            + " different learners");
  }

  @Test
  void decode_tooFewBytes_isMalformed() {
    String oneDouble = EvaluatorWire.encode(Codecs.doubles("x"), 1.0);
    assertThatThrownBy(() -> EvaluatorWire.decode(Codecs.doubleArrays("y", 2), oneDouble))
        .isInstanceOf(EvaluatorWire.MalformedException.class)
        .hasMessageStartingWith("cannot read a value of columns [y0, y1] from 8 bytes");
  }

  // ---- errors on the evaluator follow the point policy on the worker ----

  @Test
  void evaluate_throwingAndNonFiniteFunction_comeBackAsErrorsWithTheirTrace() throws Exception {
    ExecutionPlan plan = plan(new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> {
      if (x < 0) {
        throw new IllegalStateException("no value below 0 at " + x);
      }
      return x > 0.5 ? Double.NaN : x;
    }));
    EvaluatorHub hub = hub(plan);
    evaluator(plan, hub, 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> hub.capacity() == 1);
    Codec<Double> x = Codecs.doubles("x");

    EvaluatorHub.Reply thrown = hub.reserve().evaluate(0, EvaluatorWire.encode(x, -0.25));
    assertThat(thrown.kind()).isEqualTo(EvaluatorHub.Reply.Kind.ERROR);
    assertThat(thrown.nonFinite()).isFalse();
    assertThat(thrown.error()).startsWith(
        "java.lang.IllegalStateException: no value below 0 at -0.25\n\tat ");

    EvaluatorHub.Reply nan = hub.reserve().evaluate(0, EvaluatorWire.encode(x, 0.75));
    assertThat(nan.kind()).isEqualTo(EvaluatorHub.Reply.Kind.ERROR);
    assertThat(nan.nonFinite()).isTrue();
    assertThat(nan.error()).startsWith("java.lang.ArithmeticException: the function returned a"
        + " non-finite value at 0.75: NaN");
    assertThat(hub.free()).as("both threads free again").isEqualTo(1);
  }

  // ---- authentication and refusals ----

  @Test
  void hello_withoutTheRunsSecret_isRefused() throws Exception {
    ExecutionPlan plan = plan(new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> x));
    EvaluatorHub hub = hub(plan);
    try (Socket socket = new Socket(LOOPBACK, hub.port())) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      List<String> challenge = EvaluatorWire.words(EvaluatorWire.readLine(in), 3);
      String wrong = "f".repeat(64);
      EvaluatorWire.writeLine(out, String.join(" ", "HELLO", EvaluatorWire.VERSION,
          EvaluatorWire.proof(wrong, challenge.get(2)), "4", EvaluatorWire.encodeText("intruder"),
          plan.learners().get(0).fingerprint()));
      List<String> answer = EvaluatorWire.words(EvaluatorWire.readLine(in), 2);
      assertThat(answer.get(0)).isEqualTo("REFUSED");
      assertThat(EvaluatorWire.decodeText(answer.get(1))).isEqualTo("it does not know the run's"
          + " secret; evaluators read it from <run dir>/secret, so they must run as the same user"
          + " and see the run directory");
    }
    assertThat(hub.capacity()).isZero();
  }

  @Test
  void hello_replayedProof_isRefused_becauseEachConnectionHasItsOwnNonce() throws Exception {
    ExecutionPlan plan = plan(new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> x));
    EvaluatorHub hub = hub(plan);
    String fingerprint = plan.learners().get(0).fingerprint();
    String firstProof;
    try (Socket socket = new Socket(LOOPBACK, hub.port())) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String nonce = EvaluatorWire.words(EvaluatorWire.readLine(in), 3).get(2);
      firstProof = EvaluatorWire.proof(SECRET, nonce);
      EvaluatorWire.writeLine(socket.getOutputStream(), String.join(" ", "HELLO",
          EvaluatorWire.VERSION, firstProof, "1", EvaluatorWire.encodeText("first"),
          fingerprint));
      assertThat(EvaluatorWire.readLine(in)).isEqualTo("OK");
    }
    try (Socket socket = new Socket(LOOPBACK, hub.port())) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      EvaluatorWire.readLine(in);
      EvaluatorWire.writeLine(socket.getOutputStream(), String.join(" ", "HELLO",
          EvaluatorWire.VERSION, firstProof, "1", EvaluatorWire.encodeText("replay"),
          fingerprint));
      assertThat(EvaluatorWire.readLine(in)).startsWith("REFUSED ");
    }
  }

  @Test
  void evaluator_withAnotherSecretFile_isRefusedAndExitsRefused() throws Exception {
    ExecutionPlan plan = plan(new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> x));
    EvaluatorHub hub = hub(plan);
    Path otherStore = Files.createDirectories(store.resolve("other"));
    Files.writeString(otherStore.resolve("secret"), "e".repeat(64) + "\n");
    Map<String, String> environment = environment(plan, hub, otherStore, 1);
    assertThat(Evaluator.run(plan, environment)).isEqualTo(ExitStatus.REFUSED);
    assertThat(hub.capacity()).isZero();
  }

  @Test
  void evaluator_thatBuiltAnotherPlan_isRefusedBeforeItsFirstPoint() throws Exception {
    ExecutionPlan plan = plan(new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> x));
    ExecutionPlan other = plan(new Learner1DSpec(-2, 1, new Loss1D.Default(), x -> x));
    EvaluatorHub hub = hub(plan);
    assertThat(Evaluator.run(other, environment(plan, hub, store, 1)))
        .isEqualTo(ExitStatus.REFUSED);
    assertThat(hub.capacity()).isZero();
  }

  // ---- lost and cancelled points ----

  @Test
  void droppedEvaluator_itsPointsInFlightComeBackLost_andItsThreadsAreGone() throws Exception {
    ExecutionPlan plan = plan(new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> x));
    EvaluatorHub hub = hub(plan);
    try (FakeEvaluator fake = FakeEvaluator.join(hub, plan, 2)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> hub.capacity() == 2);
      Codec<Double> x = Codecs.doubles("x");
      EvaluatorHub.Slot first = hub.reserve();
      EvaluatorHub.Slot second = hub.reserve();
      assertThat(hub.reserve()).as("two threads, two points").isNull();
      Future<EvaluatorHub.Reply> a = background.submit(() -> first.evaluate(0,
          EvaluatorWire.encode(x, 0.25)));
      Future<EvaluatorHub.Reply> b = background.submit(() -> second.evaluate(0,
          EvaluatorWire.encode(x, 0.5)));
      List<String> received = List.of(fake.readLine(), fake.readLine());
      assertThat(received).allMatch(line -> line.startsWith("EVAL "));
      fake.socket.close(); // dies with both points

      assertThat(a.get(10, TimeUnit.SECONDS).kind()).isEqualTo(EvaluatorHub.Reply.Kind.LOST);
      assertThat(b.get(10, TimeUnit.SECONDS).kind()).isEqualTo(EvaluatorHub.Reply.Kind.LOST);
      assertThat(a.get().evaluator()).isEqualTo("fake");
      await().atMost(Duration.ofSeconds(10)).until(() -> hub.capacity() == 0);
    }
  }

  @Test
  void droppedEvaluator_itsLostPointIsEvaluatedOnAnotherOne() throws Exception {
    ExecutionPlan plan = plan(new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> x / 3));
    EvaluatorHub hub = hub(plan);
    Codec<Double> x = Codecs.doubles("x");
    String point = EvaluatorWire.encode(x, 0.7);
    EvaluatorHub.Reply reply;
    try (FakeEvaluator fake = FakeEvaluator.join(hub, plan, 1)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> hub.capacity() == 1);
      EvaluatorHub.Slot slot = hub.reserve();
      Future<EvaluatorHub.Reply> lost = background.submit(() -> slot.evaluate(0, point));
      fake.readLine();
      fake.socket.close();
      reply = lost.get(10, TimeUnit.SECONDS);
    }
    assertThat(reply.kind()).isEqualTo(EvaluatorHub.Reply.Kind.LOST);

    evaluator(plan, hub, 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> hub.capacity() == 1);
    EvaluatorHub.Reply again = hub.reserve().evaluate(0, point);
    assertThat(again.kind()).isEqualTo(EvaluatorHub.Reply.Kind.VALUE);
    assertThat(EvaluatorWire.decode(x, again.value())).isEqualTo(0.7 / 3);
  }

  @Test
  void interruptedEvaluation_isCancelledOnTheEvaluator_andFreesItsThread() throws Exception {
    ExecutionPlan plan = plan(new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> x));
    EvaluatorHub hub = hub(plan);
    try (FakeEvaluator fake = FakeEvaluator.join(hub, plan, 1)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> hub.capacity() == 1);
      EvaluatorHub.Slot slot = hub.reserve();
      assertThat(hub.free()).isZero();
      Future<EvaluatorHub.Reply> waiting = background.submit(() -> slot.evaluate(0,
          EvaluatorWire.encode(Codecs.doubles("x"), 0.5)));
      String eval = fake.readLine();
      waiting.cancel(true); // as the worker does past the evaluation timeout
      assertThat(fake.readLine()).isEqualTo("CANCEL " + eval.split(" ")[1]);
      await().atMost(Duration.ofSeconds(10)).until(() -> hub.free() == 1);
    }
  }

  // ---- the job's tasks and the rendezvous ----

  @Test
  void fromEnvironment_noTasks_isASingleTask() {
    assertThat(JobTasks.fromEnvironment(Map.of())).isEqualTo(JobTasks.single());
  }

  @Test
  void fromEnvironment_severalTasksWithoutRendezvous_saysWhatToSet() {
    assertThatThrownBy(() -> JobTasks.fromEnvironment(Map.of(Role.TASKS, "3")))
        .isInstanceOf(AdaptiveException.class)
        .hasMessage("ADAPTIVE_RENDEZVOUS='' from the environment is not an absolute path, but"
            + " ADAPTIVE_TASKS=3 needs one; the job script must set it to a file on a file system"
            + " every task sees, e.g. <run dir>/jobs/<job id>.evaluators");
  }

  @Test
  void fromEnvironment_tasksNotANumber_saysWhatToSet() {
    assertThatThrownBy(() -> JobTasks.fromEnvironment(Map.of(Role.TASKS, "four")))
        .isInstanceOf(AdaptiveException.class)
        .hasMessage("ADAPTIVE_TASKS='four' from the environment is not a number of tasks; the"
            + " job script must set it to the job's tasks, e.g. ADAPTIVE_TASKS=4");
  }

  @Test
  void fromEnvironment_roundTripsWhatABackendSets() {
    JobTasks tasks = new JobTasks(4, store.resolve("jobs/j1.evaluators"), "10.0.0.7",
        Duration.ofSeconds(90));
    assertThat(JobTasks.fromEnvironment(tasks.environment())).isEqualTo(tasks);
    assertThat(tasks.threadsPerTask(8)).isEqualTo(2);
  }

  @Test
  void await_noWorker_timesOutNamingTheFileAndTheFix() {
    Path file = store.resolve("jobs/j9.evaluators");
    assertThatThrownBy(() -> Rendezvous.await(file, Duration.ofMillis(300)))
        .isInstanceOf(AdaptiveException.class)
        .hasMessage("no worker published its address in the rendezvous file " + file
            + " (ADAPTIVE_RENDEZVOUS) within PT0.3S; check that the worker task started (its"
            + " output is in the same job log) and that every task sees the file on a shared file"
            + " system, or wait longer with ADAPTIVE_RENDEZVOUS_TIMEOUT_MILLIS");
  }

  @Test
  void await_workerEnded_givesUpAtOnce() throws Exception {
    Path file = store.resolve("jobs/j9.evaluators");
    Rendezvous.publish(file, Rendezvous.ENDED);
    assertThatThrownBy(() -> Rendezvous.await(file, Duration.ofMinutes(5)))
        .isInstanceOf(AdaptiveException.class)
        .hasMessageStartingWith("the worker of this job ended before this evaluator connected");
  }

  @Test
  void publish_replacesTheAddress_andLeavesNoTemporaryFile() throws Exception {
    Path file = store.resolve("jobs/j9.evaluators");
    Rendezvous.publish(file, "node1:4000");
    Rendezvous.publish(file, "node2:5000");
    assertThat(Rendezvous.await(file, Duration.ofSeconds(1))).isEqualTo("node2:5000");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  // ---- fixtures ----

  private static ExecutionPlan plan(LearnerSpec spec) {
    ResourceShape shape = new ResourceShape(4, 1, 2, Defaults.MEMORY, Defaults.WALLTIME, "", "",
        "", 0, false, "", new TreeMap<>(), List.of(), List.of());
    return new ExecutionPlan("protocol", List.of(
        new LearnerTask("l", List.of(), spec, new Goal.Points(10), shape)));
  }

  private EvaluatorHub hub(ExecutionPlan plan) throws Exception {
    Files.writeString(store.resolve("secret"), SECRET + "\n");
    List<String> fingerprints = new ArrayList<>();
    for (LearnerTask task : plan.learners()) {
      fingerprints.add(task.fingerprint());
    }
    EvaluatorHub hub = EvaluatorHub.open(LOOPBACK, SECRET, fingerprints);
    closing.add(hub);
    Rendezvous.publish(store.resolve("jobs/j1.evaluators"), "127.0.0.1:" + hub.port());
    return hub;
  }

  private Map<String, String> environment(ExecutionPlan plan, EvaluatorHub hub, Path runDirectory,
      int threads) {
    WorkerAssignment assignment = new WorkerAssignment(runDirectory,
        List.of(plan.learners().get(0).name()), "j1", "127.0.0.1:1", "unused",
        Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ZERO, PointPolicy.RETRY,
        PointPolicy.SKIP);
    Map<String, String> environment = new HashMap<>(assignment.environment());
    int tasks = plan.learners().get(0).resources().cores() / threads;
    environment.putAll(new JobTasks(tasks, store.resolve("jobs/j1.evaluators"), "",
        Duration.ofSeconds(10)).environment());
    environment.put(Role.ROLE, Role.EVALUATOR);
    return environment;
  }

  /** A real evaluator with {@code threads} threads, on a thread of this JVM. */
  private Future<Integer> evaluator(ExecutionPlan plan, EvaluatorHub hub, int evaluatorThreads) {
    Map<String, String> environment = environment(plan, hub, store, evaluatorThreads);
    return background.submit(() -> Evaluator.run(plan, environment));
  }

  /** An evaluator that joins properly, then does only what the test makes it do. */
  private static final class FakeEvaluator implements AutoCloseable {
    final Socket socket;
    final InputStream in;

    private FakeEvaluator(Socket socket) throws Exception {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream());
    }

    static FakeEvaluator join(EvaluatorHub hub, ExecutionPlan plan, int threads)
        throws Exception {
      FakeEvaluator fake = new FakeEvaluator(new Socket(LOOPBACK, hub.port()));
      String nonce = EvaluatorWire.words(fake.readLine(), 3).get(2);
      EvaluatorWire.writeLine(fake.socket.getOutputStream(), String.join(" ", "HELLO",
          EvaluatorWire.VERSION, EvaluatorWire.proof(SECRET, nonce), Integer.toString(threads),
          EvaluatorWire.encodeText("fake"), plan.learners().get(0).fingerprint()));
      assertThat(fake.readLine()).isEqualTo("OK");
      return fake;
    }

    String readLine() throws Exception {
      return EvaluatorWire.readLine(in);
    }

    @Override
    public void close() throws Exception {
      socket.close();
    }
  }
}
