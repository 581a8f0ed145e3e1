/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IntegratorLearner} against python-adaptive v1.5.2's runs in {@code
 * reference/integrator_reference.csv} (learners.md sections 8 and 14), and its contract.
 */
final class IntegratorLearnerTest {

  private static final double A = 0.01;

  // Written exactly as in the reference README: a*a computed, no Math.pow.
  static double peak(double x) {
    return x + (A * A) / (A * A + x * x);
  }

  private static final Map<String, DoubleUnaryOperator> FUNCTIONS =
      Map.of(
          "exp(x)cos(x)", x -> Math.exp(x) * Math.cos(x),
          "sqrt(x)", Math::sqrt,
          "peak(x)", IntegratorLearnerTest::peak);

  record Reference(
      String function, double a, double b, double tol, long npoints, double igral, double err) {

    @Override
    public String toString() {
      return function;
    }
  }

  static Stream<Reference> references() throws IOException {
    List<Reference> rows = new ArrayList<>();
    try (InputStream in =
            IntegratorLearnerTest.class.getResourceAsStream("/reference/integrator_reference.csv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> header = List.of(reader.readLine().split(","));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split(",");
        rows.add(
            new Reference(
                cells[header.indexOf("function")],
                number(cells[header.indexOf("a")]),
                number(cells[header.indexOf("b")]),
                number(cells[header.indexOf("tol")]),
                Long.parseLong(cells[header.indexOf("npoints")]),
                number(cells[header.indexOf("igral")]),
                number(cells[header.indexOf("err_estimate")])));
      }
    }
    assertThat(rows)
        .extracting(Reference::function)
        .containsExactlyInAnyOrderElementsOf(FUNCTIONS.keySet());
    return rows.stream();
  }

  // The reference files write infinities and NaN as Python does.
  private static double number(String cell) {
    return switch (cell) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(cell);
    };
  }

  /** The reference loop: ask one point, tell it, until done(). */
  private static IntegratorLearner runUntilDone(
      IntegratorLearner learner, DoubleUnaryOperator f, int maxPoints) {
    while (!learner.done()) {
      for (double x : learner.ask(1, true).points()) {
        learner.tell(x, f.applyAsDouble(x));
      }
      assertThat(learner.npoints()).as("points before done()").isLessThanOrEqualTo(maxPoints);
    }
    return learner;
  }

  private static List<Double> points(Asked<Double> asked) {
    return asked.points();
  }

  private static Map<Double, Double> export(IntegratorLearner learner) {
    Map<Double, Double> data = new LinkedHashMap<>();
    learner.forEachData(data::put);
    return data;
  }

  private static IntegratorLearner loaded(
      IntegratorLearner source, double a, double b, double tol) {
    Map<Double, Double> data = export(source);
    IntegratorLearner copy = new IntegratorLearner(a, b, tol);
    copy.load(new ArrayList<>(data.keySet()), new ArrayList<>(data.values()));
    return copy;
  }

  // ---------------------------------------------------------------------------------------------
  // conformance with python-adaptive

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void askOneTellOne_untilDone_matchesReference(Reference ref) {
    DoubleUnaryOperator f = FUNCTIONS.get(ref.function());
    IntegratorLearner learner =
        runUntilDone(new IntegratorLearner(ref.a(), ref.b(), ref.tol()), f, 10_000);

    assertThat(learner.npoints()).isEqualTo(ref.npoints());
    assertThat(learner.igral()).isCloseTo(ref.igral(), within(Math.abs(ref.igral()) * 1e-13));
    assertThat(learner.err()).isCloseTo(ref.err(), within(ref.err() * 1e-2));
    assertThat(learner.done()).isTrue();
  }

  @Test
  void done_expCos_isFalseUntilTheDepth3RuleOfTheRoot() {
    IntegratorLearner learner = new IntegratorLearner(0, 3, 1e-10);
    DoubleUnaryOperator f = x -> Math.exp(x) * Math.cos(x);
    for (int i = 0; i < 32; i++) {
      assertThat(learner.done()).as("after %d points", i).isFalse();
      double x = learner.ask(1, true).points().get(0);
      learner.tell(x, f.applyAsDouble(x));
    }
    assertThat(learner.done()).isFalse();
    double x = learner.ask(1, true).points().get(0);
    learner.tell(x, f.applyAsDouble(x));
    assertThat(learner.done()).isTrue();
  }

  // ---------------------------------------------------------------------------------------------
  // CQUAD tables

  @Test
  void tables_holdTheReferenceConstants() {
    assertThat(CquadTables.NS).containsExactly(5, 9, 17, 33);
    for (int d = 0; d < 4; d++) {
      double[] xi = CquadTables.XI[d];
      assertThat(xi).hasSize(CquadTables.NS[d]).isSorted();
      assertThat(xi[xi.length / 2]).isEqualTo(0.0);
      for (int k = 0; k < xi.length; k++) {
        assertThat(xi[k]).isEqualTo(-xi[xi.length - 1 - k]);
      }
    }
    assertThat(CquadTables.HINT).isEqualTo(0.1);
    assertThat(CquadTables.MIN_SEP).isEqualTo(16 * Math.ulp(1.0));
    assertThat(CquadTables.NDIV_MAX).isEqualTo(20);
    assertThat(CquadTables.EPS).isEqualTo(Math.ulp(1.0));
  }

  @Test
  void tables_jsonReader_rejectsWhatItCannotRead() {
    assertThat(new CquadTables.JsonReader(" {\"k\": [1, -2.5e-3, [ ]]} ").read())
        .isEqualTo(Map.of("k", List.of(1.0, -0.0025, List.of())));
    assertThatThrownBy(() -> new CquadTables.JsonReader("[1, true]").read())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("'cquad-tables.json': expected a number, an array or an object at character 4");
  }

  // ---------------------------------------------------------------------------------------------
  // constructor

  @Test
  void constructor_reversedBounds_isRejectedWithFix() {
    assertThatThrownBy(() -> new IntegratorLearner(1, 0, 1e-8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bounds [1.0, 0.0] are not an interval; give finite bounds with the lower first,"
                + " e.g. [0.0, 1.0]");
  }

  @Test
  void constructor_nanTolerance_isRejectedWithFix() {
    assertThatThrownBy(() -> new IntegratorLearner(0, 1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "tolerance 'NaN' is not a relative tolerance; give a small positive number such as"
                + " 1e-8");
  }

  @Test
  void constructor_fresh_hasNoEstimate() {
    IntegratorLearner learner = new IntegratorLearner(0, 1, 1e-8);
    assertThat(learner.npoints()).isZero();
    assertThat(learner.igral()).isZero();
    assertThat(learner.err()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(learner.loss()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(learner.done()).isFalse();
  }

  // ---------------------------------------------------------------------------------------------
  // ask

  @Test
  void ask_zero_returnsNothingAndChangesNothing() {
    IntegratorLearner learner = new IntegratorLearner(0, 1, 1e-8);
    Asked<Double> none = learner.ask(0, true);
    assertThat(none.points()).isEmpty();
    assertThat(none.improvements()).isEmpty();
    assertThat(learner.ask(17, true).points()).hasSize(17);
    assertThat(learner.ask(0, false).points()).isEmpty();
  }

  @Test
  void ask_negative_isRejected() {
    assertThatThrownBy(() -> new IntegratorLearner(0, 1, 1e-8).ask(-1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot ask for -1 points; ask for 0 or more");
  }

  @Test
  void ask_fresh_givesTheDepth2NodesAscendingWithTheRootError() {
    IntegratorLearner learner = new IntegratorLearner(-1, 1, 1e-8);
    Asked<Double> asked = learner.ask(17, true);
    double[] xi = CquadTables.XI[2];
    List<Double> expected = new ArrayList<>();
    for (double v : xi) {
      expected.add((-1.0 + 1.0) / 2 + (1.0 - -1.0) * v / 2);
    }
    assertThat(asked.points()).containsExactlyElementsOf(expected);
    assertThat(asked.improvements()).allMatch(e -> e == Double.MAX_VALUE);
  }

  @Test
  void ask_pendingPoints_areNotAskedAgain() {
    IntegratorLearner learner = new IntegratorLearner(0, 1, 1e-8);
    List<Double> firstBatch = points(learner.ask(10, true));
    List<Double> secondBatch = points(learner.ask(30, true));
    assertThat(secondBatch).hasSize(30).doesNotContainAnyElementsOf(firstBatch);
    assertThat(secondBatch).doesNotHaveDuplicates();
    assertThat(learner.npoints()).isZero();
  }

  @Test
  void ask_withoutTellPending_leavesLearnerUnchanged() {
    IntegratorLearner learner = new IntegratorLearner(0, 1, 1e-8);
    learner.ask(5, true);
    Asked<Double> peek = learner.ask(40, false); // 12 stacked points, then new intervals' points
    assertThat(learner.ask(40, false)).isEqualTo(peek);
    assertThat(learner.ask(40, true)).isEqualTo(peek);
  }

  @Test
  void ask_withoutTellPendingThenTellPending_isAskWithTellPending() {
    IntegratorLearner viaPending = new IntegratorLearner(0, 1, 1e-8);
    IntegratorLearner direct = new IntegratorLearner(0, 1, 1e-8);
    for (int round = 0; round < 5; round++) {
      Asked<Double> peek = viaPending.ask(7, false);
      peek.points().forEach(viaPending::tellPending);
      assertThat(direct.ask(7, true)).as("round %d", round).isEqualTo(peek);
    }
    assertThat(viaPending.ask(3, true)).isEqualTo(direct.ask(3, true));
  }

  @Test
  void ask_afterEveryIntervalWasDropped_failsAndSaysWhy() {
    // A constant is exact at the first estimate, so the root is dropped and nothing is left.
    IntegratorLearner learner = new IntegratorLearner(0, 1, 0);
    while (!learner.done()) {
      for (double x : learner.ask(1, true).points()) {
        learner.tell(x, 1.0);
      }
    }
    assertThat(learner.npoints()).isEqualTo(33);
    assertThatThrownBy(() -> learner.ask(1, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "no way to improve the integral estimate on [0.0, 1.0]: every interval was dropped at"
                + " the limit of double precision; done() is true, so stop asking");
  }

  // ---------------------------------------------------------------------------------------------
  // tell

  @Test
  void tell_unknownPoint_isRejectedWithFix() {
    IntegratorLearner learner = new IntegratorLearner(0, 1, 1e-8);
    assertThatThrownBy(() -> learner.tell(0.123, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "point '0.123' is not a node of any interval of this integrator on [0.0, 1.0]; tell"
                + " only points that ask() returned");
  }

  @Test
  void tell_nullValue_isRejected() {
    IntegratorLearner learner = new IntegratorLearner(0, 1, 1e-8);
    double x = learner.ask(1, true).points().get(0);
    assertThatThrownBy(() -> learner.tell(x, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
  }

  @Test
  void tell_twice_keepsTheFirstValue() {
    IntegratorLearner twice = new IntegratorLearner(0, 1, 1e-8);
    IntegratorLearner once = new IntegratorLearner(0, 1, 1e-8);
    for (double x : twice.ask(17, true).points()) {
      twice.tell(x, x * x);
      twice.tell(x, 5.0);
      once.ask(1, true);
      once.tell(x, x * x);
    }
    assertThat(export(twice)).isEqualTo(export(once));
    assertThat(twice.ask(16, true)).isEqualTo(once.ask(16, true));
  }

  @Test
  void tell_pendingPointsOutOfOrder_reachesTheSameEstimate() {
    IntegratorLearner inOrder =
        runUntilDone(new IntegratorLearner(0, 3, 1e-10), x -> Math.exp(x) * Math.cos(x), 100);
    IntegratorLearner reversed = new IntegratorLearner(0, 3, 1e-10);
    List<Double> batch = new ArrayList<>(points(reversed.ask(33, true)));
    Collections.reverse(batch);
    for (double x : batch) {
      reversed.tell(x, Math.exp(x) * Math.cos(x));
    }
    assertThat(reversed.npoints()).isEqualTo(33);
    assertThat(reversed.done()).isTrue();
    assertThat(reversed.igral()).isEqualTo(inOrder.igral());
  }

  @Test
  void tell_beforeAsked_isNotAskedAgain() {
    IntegratorLearner learner = new IntegratorLearner(0, 1, 1e-8);
    List<Double> peek = points(learner.ask(3, false));
    learner.tell(peek.get(1), 1.0);
    assertThat(points(learner.ask(2, true))).containsExactly(peek.get(0), peek.get(2));
  }

  @Test
  void tell_nonFiniteValue_isLeftOutOfTheFit() {
    // 1/sqrt(x) is infinite at 0; the downdate drops that node and the integral (2) converges.
    IntegratorLearner learner =
        runUntilDone(new IntegratorLearner(0, 1, 1e-6), x -> 1 / Math.sqrt(x), 100_000);
    assertThat(learner.igral()).isCloseTo(2.0, within(1e-5));
  }

  @Test
  void tell_divergentIntegrand_failsWithTheInterval() {
    IntegratorLearner learner = new IntegratorLearner(0, 1, 1e-8);
    assertThatThrownBy(() -> runUntilDone(learner, x -> 1 / (x * x), 1_000_000))
        .isInstanceOfSatisfying(
            IntegratorDivergenceException.class,
            e -> {
              assertThat(e.lower()).isEqualTo(0.0);
              assertThat(e.divergentSplits()).isGreaterThan(20);
              assertThat(e.getMessage()).startsWith("the integral looks divergent");
            });
  }

  // ---------------------------------------------------------------------------------------------
  // removeUnfinished

  @Test
  void removeUnfinished_handedOutPoints_areAskedAgainFirst() {
    IntegratorLearner learner = new IntegratorLearner(0, 1, 1e-8);
    List<Double> handedOut = points(learner.ask(5, true));
    List<Double> next = points(learner.ask(3, false));
    learner.tell(handedOut.get(2), 0.5);
    learner.removeUnfinished();
    List<Double> expected = new ArrayList<>(handedOut);
    expected.remove(2);
    expected.addAll(next);
    assertThat(points(learner.ask(7, true))).containsExactlyElementsOf(expected);
  }

  // ---------------------------------------------------------------------------------------------
  // load

  @Test
  void load_askOneTellOneRun_rebuildsTheSameLearner() {
    DoubleUnaryOperator f = Math::sqrt;
    IntegratorLearner original = new IntegratorLearner(0, 1, 1e-8);
    for (int i = 0; i < 300; i++) {
      double x = original.ask(1, true).points().get(0);
      original.tell(x, f.applyAsDouble(x));
    }
    IntegratorLearner copy = loaded(original, 0, 1, 1e-8);
    assertThat(export(copy)).containsExactlyEntriesOf(export(original));
    assertThat(copy.igral()).isEqualTo(original.igral());
    assertThat(copy.err()).isEqualTo(original.err());
    runUntilDone(original, f, 10_000);
    runUntilDone(copy, f, 10_000);
    assertThat(export(copy)).containsExactlyEntriesOf(export(original));
    assertThat(copy.npoints()).isEqualTo(633);
    assertThat(copy.igral()).isEqualTo(original.igral());
  }

  @Test
  void load_runThatLostPoints_rebuildsTheSameLearner() {
    DoubleUnaryOperator f = IntegratorLearnerTest::peak;
    IntegratorLearner original = new IntegratorLearner(-1, 1, 1e-8);
    List<Double> lost = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double x = original.ask(1, true).points().get(0);
      if (i % 97 == 96) {
        lost.add(x); // never told: the run stopped while it was being evaluated
      } else {
        original.tell(x, f.applyAsDouble(x));
      }
    }
    IntegratorLearner copy = loaded(original, -1, 1, 1e-8);
    assertThat(export(copy)).containsExactlyEntriesOf(export(original));
    assertThat(copy.igral()).isEqualTo(original.igral());
    assertThat(copy.err()).isEqualTo(original.err());

    original.removeUnfinished();
    Asked<Double> next = original.ask(30, true);
    assertThat(next.points()).startsWith(lost.toArray(Double[]::new));
    assertThat(copy.ask(30, true)).isEqualTo(next);
  }

  @Test
  void load_batchedRunOutOfOrder_neverAsksForAKnownPoint() {
    DoubleUnaryOperator f = IntegratorLearnerTest::peak;
    IntegratorLearner original = new IntegratorLearner(-1, 1, 1e-8);
    List<Double> inFlight = new ArrayList<>();
    for (int round = 0; round < 40; round++) {
      List<Double> batch = new ArrayList<>(points(original.ask(8, true)));
      Collections.reverse(batch);
      inFlight.addAll(batch.subList(0, 3));
      for (double x : batch.subList(3, batch.size())) {
        original.tell(x, f.applyAsDouble(x));
      }
      for (double x : inFlight.subList(0, inFlight.size() - 3)) {
        original.tell(x, f.applyAsDouble(x));
      }
      inFlight.subList(0, inFlight.size() - 3).clear();
    }
    Map<Double, Double> data = export(original);
    IntegratorLearner copy = loaded(original, -1, 1, 1e-8);

    assertThat(copy.npoints()).isEqualTo(original.npoints());
    assertThat(export(copy)).containsAllEntriesOf(data);
    List<Double> askedAfterLoad = new ArrayList<>();
    while (!copy.done()) {
      for (double x : copy.ask(1, true).points()) {
        askedAfterLoad.add(x);
        copy.tell(x, f.applyAsDouble(x));
      }
    }
    assertThat(askedAfterLoad).doesNotContainAnyElementsOf(data.keySet());
    double exact = 2 * A * Math.atan(1 / A);
    assertThat(copy.igral()).isCloseTo(exact, within(1e-8 * exact));
  }

  @Test
  void load_nothing_isANoOp() {
    IntegratorLearner learner = new IntegratorLearner(0, 1, 1e-8);
    List<Double> before = points(learner.ask(20, false));
    learner.load(List.of(), List.of());
    assertThat(learner.npoints()).isZero();
    assertThat(points(learner.ask(20, false))).isEqualTo(before);
  }

  @Test
  void load_listsOfDifferentLength_isRejected() {
    assertThatThrownBy(() -> new IntegratorLearner(0, 1, 1e-8).load(List.of(0.0), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("1 points but 0 values; give one value per point");
  }

  // ---------------------------------------------------------------------------------------------
  // codec

  @Test
  void codec_isIntegratorWithColumnsXAndY() {
    DataCodec<Double, Double> codec = new IntegratorLearner(0, 1, 1e-8).codec();
    assertThat(codec.kind()).isEqualTo("integrator");
    assertThat(codec.point().columns()).containsExactly("x");
    assertThat(codec.value().columns()).containsExactly("y");
  }
}
