/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static io.adaptive.charts.Journals.T0;
import static io.adaptive.charts.Journals.event;
import static io.adaptive.runtime.LearnerState.CANCELLED;
import static io.adaptive.runtime.LearnerState.DONE;
import static io.adaptive.runtime.LearnerState.FAILED;
import static io.adaptive.runtime.LearnerState.PENDING;
import static io.adaptive.runtime.LearnerState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.store.LearnerEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RunStatusChartTest {

  @TempDir Path dir;

  /**
   * Five learners, e never mentioned; c's first event starts from RUNNING, as after a restart.
   *
   * <pre>
   * s  a        b        c        d        e
   * -  pending  pending  running  pending  pending
   * 1  running  running
   * 2  done
   * 3           pending  failed
   * 4           running
   * 5                             cancelled
   * 6           running (a new job)
   * </pre>
   */
  private static List<LearnerEvent> handMade() {
    return List.of(
        event(1, "a", PENDING, RUNNING),
        event(1, "b", PENDING, RUNNING),
        event(2, "a", RUNNING, DONE),
        event(3, "b", RUNNING, PENDING),
        event(3, "c", RUNNING, FAILED),
        event(4, "b", PENDING, RUNNING),
        event(5, "d", PENDING, CANCELLED),
        event(6, "b", RUNNING, RUNNING));
  }

  /** Counts in {@code LearnerState} order: pending, running, done, failed, cancelled. */
  private static List<Integer> countsAt(StatusReplay replay, double seconds) {
    int[] counts = replay.countsAt(T0 + Math.round(seconds * 1000));
    return Arrays.stream(counts).boxed().toList();
  }

  private static int items(JFreeChart chart) {
    XYDataset dataset = chart.getXYPlot().getDataset();
    return dataset == null ? 0 : dataset.getItemCount(0);
  }

  private static List<String> legend(JFreeChart chart) {
    List<String> labels = new ArrayList<>();
    var items = chart.getXYPlot().getFixedLegendItems();
    for (int i = 0; i < items.getItemCount(); i++) {
      labels.add(items.get(i).getLabel());
    }
    return labels;
  }

  // ---- of(List, int): the replay ----------------------------------------------------------

  @Test
  void of_handMadeJournal_countsAtChosenTimes() {
    StatusReplay replay = RunStatusChart.of(handMade(), 5).replay();

    assertThat(replay.total()).isEqualTo(5);
    assertThat(countsAt(replay, 0.999)).as("before the first event").containsExactly(4, 0, 1, 0, 0, 0);
    assertThat(countsAt(replay, 1)).as("at an event: after it").containsExactly(2, 0, 3, 0, 0, 0);
    assertThat(countsAt(replay, 2.5)).containsExactly(2, 0, 2, 1, 0, 0);
    assertThat(countsAt(replay, 3)).containsExactly(3, 0, 0, 1, 1, 0);
    assertThat(countsAt(replay, 4.5)).containsExactly(2, 0, 1, 1, 1, 0);
    assertThat(countsAt(replay, 5)).containsExactly(1, 0, 1, 1, 1, 1);
    assertThat(countsAt(replay, 6)).as("a new job: no change").containsExactly(1, 0, 1, 1, 1, 1);
    assertThat(Arrays.stream(replay.finalCounts()).boxed()).containsExactly(1, 0, 1, 1, 1, 1);
  }

  @Test
  void of_eventsOutOfOrder_areReplayedInTimeOrder() {
    List<LearnerEvent> shuffled = new ArrayList<>(handMade());
    Collections.reverse(shuffled);

    StatusReplay replay = RunStatusChart.of(shuffled, 5).replay();

    assertThat(countsAt(replay, 2.5)).containsExactly(2, 0, 2, 1, 0, 0);
    assertThat(countsAt(replay, 4.5)).containsExactly(2, 0, 1, 1, 1, 0);
  }

  @Test
  void of_eventsNameMoreLearnersThanGiven_countsThoseNamed() {
    StatusReplay replay = RunStatusChart.of(handMade(), 2).replay();

    assertThat(replay.total()).isEqualTo(4);
    assertThat(countsAt(replay, 0)).containsExactly(3, 0, 1, 0, 0, 0);
  }

  @Test
  void of_noEvents_everyLearnerPending() {
    StatusReplay replay = RunStatusChart.of(List.of(), 7).replay();

    assertThat(replay.isEmpty()).isTrue();
    assertThat(Arrays.stream(replay.finalCounts()).boxed()).containsExactly(7, 0, 0, 0, 0, 0);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 2024})
  void of_simulatedRun_countsAddUpAtEveryStepAndEndInTerminalStates(long seed) {
    List<LearnerEvent> events = Journals.simulated(300, 40, seed);
    StatusReplay replay = RunStatusChart.of(events, 300).replay();
    double[] times = new double[101];
    for (int i = 0; i < times.length; i++) {
      times[i] = replay.start() + (replay.end() - replay.start()) * i / 100.0;
    }

    int[][] counts = replay.sample(times);

    for (int i = 0; i < counts.length; i++) {
      assertThat(IntStream.of(counts[i]).sum()).as("seed %d, step %d", seed, i).isEqualTo(300);
      assertThat(IntStream.of(counts[i]).min().getAsInt()).as("seed %d", seed).isNotNegative();
    }
    int[] end = replay.finalCounts();
    assertThat(end[PENDING.ordinal()] + end[RUNNING.ordinal()])
        .as("seed %d: the simulation runs every learner to an end", seed)
        .isZero();
  }

  @Test
  void of_negativeLearners_isRefused() {
    assertThatThrownBy(() -> RunStatusChart.of(handMade(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a run of -1 learners cannot be charted; give the number of learners in the plan, or"
                + " 0 to count those the events name");
  }

  @Test
  void of_nullEvent_throwsNpe() {
    List<LearnerEvent> events = new ArrayList<>(handMade());
    events.add(null);

    assertThatThrownBy(() -> RunStatusChart.of(events, 5))
        .isInstanceOf(NullPointerException.class);
  }

  // ---- of(Path) ----------------------------------------------------------------------------

  @Test
  void ofPath_readsTheJournalEachTimeItIsSaved() {
    Path journal = Journals.write(dir.resolve("journal.tsv"), handMade().subList(0, 3));
    RunStatusChart chart = RunStatusChart.of(journal);
    assertThat(chart.replay().total()).as("a and b are named").isEqualTo(2);

    Journals.write(journal, handMade().subList(3, 8));

    StatusReplay replay = chart.replay();
    assertThat(replay.total()).isEqualTo(4);
    assertThat(Arrays.stream(replay.finalCounts()).boxed()).containsExactly(0, 0, 1, 1, 1, 1);
  }

  @Test
  void ofPath_missingJournal_drawsAnEmptyChartSayingSo() {
    RunStatusChart chart = RunStatusChart.of(dir.resolve("journal.tsv"));

    assertThat(chart.chart().getXYPlot().getNoDataMessage())
        .isEqualTo("no learner has changed state yet: journal.tsv has no events");
    chart.savePng(dir.resolve("status.png"), 600, 400);
    Pngs.assertChart(dir.resolve("status.png"), 600, 400);
  }

  @Test
  void ofPath_malformedJournal_throwsChartExceptionNamingIt() throws IOException {
    Path journal = Files.writeString(dir.resolve("journal.tsv"), "12\ta\tj1\tPENDING\tHAPPY\t-\n");
    RunStatusChart chart = RunStatusChart.of(journal);

    assertThatThrownBy(() -> chart.savePng(dir.resolve("status.png"), 600, 400))
        .isInstanceOf(ChartException.class)
        .hasMessage(
            "cannot chart the learner states: the run's journal '"
                + journal
                + "' is unreadable: "
                + journal
                + " has a malformed line: '12\ta\tj1\tPENDING\tHAPPY\t-'; the run manager only"
                + " appends to it, so a malformed line means it was edited or damaged")
        .extracting(e -> ((ChartException) e).file())
        .isEqualTo(journal);
    assertThat(dir.resolve("status.png")).doesNotExist();
  }

  @Test
  void ofPath_null_throwsNpeNamingJournal() {
    assertThatThrownBy(() -> RunStatusChart.of((Path) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("journal");
  }

  // ---- of(RunSnapshot) ---------------------------------------------------------------------

  @Test
  void ofSnapshot_readsStoreJournal_countsEveryLearnerOfTheSnapshot() {
    Journals.write(dir.resolve("journal.tsv"), handMade());
    List<LearnerStatus> learners = new ArrayList<>();
    for (String name : List.of("a", "b", "c", "d", "e", "f")) {
      learners.add(Runs.learner1D(name, dir.resolve(name + ".csv"), List.of()));
    }

    RunStatusChart chart = RunStatusChart.of(Runs.snapshot(dir, learners));

    assertThat(chart.replay().total()).isEqualTo(6);
    JFreeChart drawn = chart.chart();
    assertThat(drawn.getTitle().getText()).isEqualTo("resonance: learner states");
    assertThat(legend(drawn))
        .as("top of the stack first, with the counts at the end")
        .containsExactly("pending  2", "queued  0", "running  1", "cancelled  1", "failed  1",
            "done  1");
  }

  // ---- savePng -----------------------------------------------------------------------------

  @Test
  void savePng_handMadeJournal_nonBlankAtTheRightSize() {
    Path png = dir.resolve("charts/status.png");

    RunStatusChart.of(handMade(), 5).savePng(png, 800, 500);

    assertThat(Pngs.colouredPixels(Pngs.assertChart(png, 800, 500)))
        .as("the areas are drawn")
        .isGreaterThan(800L * 500 / 4);
  }

  @Test
  void savePng_shortRun_timeAxisInSeconds_longRunInMinutesOrHours() {
    assertThat(RunStatusChart.of(handMade(), 5).chart().getXYPlot().getDomainAxis().getLabel())
        .isEqualTo("time since start (s)");
    List<LearnerEvent> hours = List.of(event(0, "a", PENDING, RUNNING), event(3 * 3600, "a",
        RUNNING, DONE));
    assertThat(RunStatusChart.of(hours, 1).chart().getXYPlot().getDomainAxis().getLabel())
        .isEqualTo("time since start (h)");
    List<LearnerEvent> minutes = List.of(event(0, "a", PENDING, RUNNING), event(300, "a",
        RUNNING, DONE));
    assertThat(RunStatusChart.of(minutes, 1).chart().getXYPlot().getDomainAxis().getLabel())
        .isEqualTo("time since start (min)");
  }

  @Test
  void savePng_everyEventAtOneInstant_stillDrawsTheAreas() {
    List<LearnerEvent> instant =
        List.of(event(0, "a", PENDING, RUNNING), event(0, "b", PENDING, DONE));
    Path png = dir.resolve("status.png");

    RunStatusChart.of(instant, 2).savePng(png, 600, 400);

    assertThat(Pngs.colouredPixels(Pngs.assertChart(png, 600, 400))).isGreaterThan(600L * 400 / 4);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a quadratic replay, not a speed test
  void savePng_tenThousandLearnersAndAHundredThousandEvents_isSampledAndDrawn() {
    List<LearnerEvent> events = Journals.simulated(10_000, 800, 42);
    assertThat(events.size()).isGreaterThan(80_000);
    Path png = dir.resolve("status.png");
    RunStatusChart chart = RunStatusChart.of(events, 10_000);

    JFreeChart drawn = chart.chart();
    chart.savePng(png, 1000, 600);

    assertThat(items(drawn)).as("sampled, plus a tail").isEqualTo(RunStatusChart.TIME_STEPS + 2);
    XYPlot plot = drawn.getXYPlot();
    assertThat(plot.getRangeAxis().getUpperBound()).isEqualTo(10_000);
    Pngs.assertChart(png, 1000, 600);
  }

  @Test
  void savePng_zeroSize_isRefused() {
    assertThatThrownBy(() -> RunStatusChart.of(handMade(), 5).savePng(dir.resolve("s.png"), 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a chart of 0 x 10 pixels has no area; give a positive width and height, e.g. 1000 x"
                + " 600");
  }

  @Test
  void savePng_nullFile_throwsNpeNamingFile() {
    assertThatThrownBy(() -> RunStatusChart.of(handMade(), 5).savePng(null, 10, 10))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("file");
  }
}
