/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static io.adaptive.charts.Runs.history;
import static io.adaptive.charts.Runs.learner;
import static io.adaptive.charts.Runs.learner1D;
import static io.adaptive.charts.Runs.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.RunSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ChartListenerTest {

  private static final FileTime LONG_AGO = FileTime.fromMillis(0);

  @TempDir Path store;

  private LearnerStatus learnerWithData(String name, int points, long seed) {
    Path csv =
        Runs.writeData(
            store.resolve("learners").resolve(name).resolve("data.csv"),
            points,
            Runs.resonance(0.05),
            seed);
    return learner1D(
        name, csv, history(0, Double.POSITIVE_INFINITY, points / 2, 0.1, points, 0.05));
  }

  /** Draws in the calling thread, so that a test sees the charts when onProgress returns. */
  private static ChartListener inline(Path directory) {
    return new ChartListener(
        directory, ChartListener.DEFAULT_WIDTH, ChartListener.DEFAULT_HEIGHT, Runnable::run);
  }

  private List<String> files(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** Marks a PNG as old, so that a later rewrite shows as a new modification time. */
  private static void age(Path png) throws IOException {
    Files.setLastModifiedTime(png, LONG_AGO);
  }

  // ---- into, intoChartsDirectory, size -----------------------------------------------------

  @Test
  void into_null_throwsNpeNamingDirectory() {
    assertThatThrownBy(() -> ChartListener.into(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("directory");
  }

  @Test
  void intoChartsDirectory_writesIntoStoreCharts_atDefaultSize() throws IOException {
    RunSnapshot snapshot = snapshot(store, List.of(learnerWithData("a", 40, 1)));

    ChartListener.intoChartsDirectory().onFinish(snapshot);

    assertThat(files(store.resolve("charts"))).containsExactly("a.png", "convergence.png");
    Pngs.assertChart(store.resolve("charts/convergence.png"), 1000, 600);
    Pngs.assertChart(store.resolve("charts/a.png"), 1000, 600);
  }

  @Test
  void size_setsEveryImageSize() {
    Path charts = store.resolve("out");

    ChartListener listener = ChartListener.into(charts).size(640, 360);
    listener.onProgress(snapshot(store, List.of(learnerWithData("a", 40, 1))));
    listener.awaitIdle();

    Pngs.assertChart(charts.resolve("convergence.png"), 640, 360);
    Pngs.assertChart(charts.resolve("a.png"), 640, 360);
  }

  @Test
  void toString_saysWhereAndHowBig() {
    assertThat(ChartListener.intoChartsDirectory().size(800, 400))
        .hasToString("ChartListener[into <store>/charts, 800x400]");
  }

  @Test
  void size_zero_isRefused() {
    assertThatThrownBy(() -> ChartListener.into(store).size(100, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a chart of 100 x 0 pixels has no area; give a positive width and height, e.g. 1000 x"
                + " 600");
  }

  // ---- onProgress --------------------------------------------------------------------------

  @Test
  void onProgress_returnsBeforeDrawing_thenDrawsOnlyTheNewestSnapshot() throws IOException {
    Path charts = store.resolve("charts");
    List<Runnable> tasks = new ArrayList<>();
    ChartListener listener = new ChartListener(charts, 400, 300, tasks::add);
    LearnerStatus a = learnerWithData("a", 40, 1);

    listener.onProgress(snapshot(store, List.of()));
    listener.onProgress(snapshot(store, List.of(a)));

    assertThat(charts).doesNotExist();
    assertThat(tasks).as("one drain task for both snapshots").hasSize(1);
    tasks.get(0).run();
    assertThat(files(charts))
        .as("a.png: the newest snapshot was drawn")
        .containsExactly("a.png", "convergence.png");

    listener.onProgress(snapshot(store, List.of(a)));
    assertThat(tasks).as("idle again: the next snapshot schedules a new task").hasSize(2);
  }

  @Test
  void onFinish_backgroundThread_waitsUntilChartsAreWritten() throws IOException {
    Path charts = store.resolve("charts");

    ChartListener.into(charts).onFinish(snapshot(store, List.of(learnerWithData("a", 40, 1))));

    assertThat(files(charts)).containsExactly("a.png", "convergence.png");
  }

  @Test
  void onProgress_plotsOnlyPlottableLearnersWithData() throws IOException {
    Path charts = store.resolve("charts");
    List<LearnerStatus> learners =
        List.of(
            learnerWithData("peak[a=1]", 30, 1),
            learner1D("not started", store.resolve("learners/none/data.csv"), List.of()),
            learner(
                "surface",
                "average",
                Runs.writeData(store.resolve("s.csv"), 5, x -> x, 1),
                history(5, 0.3)));

    inline(charts).onProgress(snapshot(store, learners));

    assertThat(files(charts)).containsExactly("convergence.png", "peak[a=1].png");
  }

  @Test
  void onProgress_unchangedData_plotIsNotDrawnAgain() throws IOException {
    Path charts = store.resolve("charts");
    LearnerStatus a = learnerWithData("a", 40, 1);
    ChartListener listener = inline(charts);
    listener.onProgress(snapshot(store, List.of(a)));
    age(charts.resolve("a.png"));
    age(charts.resolve("convergence.png"));

    listener.onProgress(snapshot(store, List.of(a)));
    listener.onFinish(snapshot(store, List.of(a)));

    assertThat(Files.getLastModifiedTime(charts.resolve("a.png"))).isEqualTo(LONG_AGO);
    assertThat(Files.getLastModifiedTime(charts.resolve("convergence.png")))
        .as("no learner's status changed either")
        .isEqualTo(LONG_AGO);
  }

  @Test
  void onProgress_oneLearnerPublishes_onlyItsPlotIsDrawnAgain() throws IOException {
    Path charts = store.resolve("charts");
    LearnerStatus a = learnerWithData("a", 40, 1);
    LearnerStatus b = learnerWithData("b", 40, 2);
    ChartListener listener = inline(charts);
    listener.onProgress(snapshot(store, List.of(a, b)));
    age(charts.resolve("a.png"));
    age(charts.resolve("b.png"));
    age(charts.resolve("convergence.png"));

    LearnerStatus b2 = learnerWithData("b", 80, 3);
    listener.onProgress(snapshot(store, List.of(a, b2)));

    assertThat(Files.getLastModifiedTime(charts.resolve("a.png"))).isEqualTo(LONG_AGO);
    assertThat(Files.getLastModifiedTime(charts.resolve("b.png"))).isNotEqualTo(LONG_AGO);
    assertThat(Files.getLastModifiedTime(charts.resolve("convergence.png"))).isNotEqualTo(LONG_AGO);
    Pngs.assertChart(charts.resolve("b.png"), 1000, 600);
  }

  @Test
  void onProgress_runWithJournal_writesStatusChart() throws IOException {
    Path charts = store.resolve("charts");
    Journals.write(
        store.resolve("journal.tsv"),
        List.of(
            Journals.event(1, "a", LearnerState.PENDING, LearnerState.RUNNING),
            Journals.event(9, "a", LearnerState.RUNNING, LearnerState.DONE)));

    inline(charts).onProgress(snapshot(store, List.of(learnerWithData("a", 40, 1))));

    assertThat(files(charts)).containsExactly("a.png", "convergence.png", "status.png");
    Pngs.assertChart(charts.resolve("status.png"), 1000, 600);
  }

  @Test
  void onProgress_statusChart_drawnAgainOnlyWhenTheJournalGrew() throws IOException {
    Path charts = store.resolve("charts");
    Path journal =
        Journals.write(
            store.resolve("journal.tsv"),
            List.of(Journals.event(1, "a", LearnerState.PENDING, LearnerState.RUNNING)));
    LearnerStatus a = learnerWithData("a", 40, 1);
    ChartListener listener = inline(charts);
    listener.onProgress(snapshot(store, List.of(a)));
    age(charts.resolve("status.png"));

    listener.onProgress(snapshot(store, List.of(a)));
    assertThat(Files.getLastModifiedTime(charts.resolve("status.png")))
        .as("the journal has not grown")
        .isEqualTo(LONG_AGO);

    Journals.write(
        journal, List.of(Journals.event(9, "a", LearnerState.RUNNING, LearnerState.DONE)));
    listener.onFinish(snapshot(store, List.of(a)));
    assertThat(Files.getLastModifiedTime(charts.resolve("status.png"))).isNotEqualTo(LONG_AGO);
    Pngs.assertChart(charts.resolve("status.png"), 1000, 600);
  }

  @Test
  void onProgress_malformedJournal_otherChartsStillWritten() throws IOException {
    Path charts = store.resolve("charts");
    Files.writeString(store.resolve("journal.tsv"), "not a journal line\n");
    ChartListener listener = inline(charts);

    assertThatCode(() -> listener.onProgress(snapshot(store, List.of(learnerWithData("a", 40, 1)))))
        .doesNotThrowAnyException();

    assertThat(files(charts)).containsExactly("a.png", "convergence.png");
  }

  @Test
  void onProgress_brokenAndMissingSnapshots_otherChartsStillWritten() throws IOException {
    Path charts = store.resolve("charts");
    Path broken = Runs.write(store.resolve("learners/broken/data.csv"), "x,y\n0.1,0.2\n0.3\n");
    Path binary = store.resolve("learners/binary/data.csv");
    Files.createDirectories(binary.getParent());
    Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 0, 1, 2});
    List<LearnerStatus> learners =
        List.of(
            learner1D("broken", broken, history(10, 0.5)),
            learner1D("binary", binary, history(10, 0.4)),
            learner1D("missing", store.resolve("learners/missing/data.csv"), history(10, 0.3)),
            learnerWithData("good", 30, 1));
    ChartListener listener = inline(charts);

    assertThatCode(() -> listener.onProgress(snapshot(store, learners))).doesNotThrowAnyException();

    assertThat(files(charts)).containsExactly("convergence.png", "good.png");
    Pngs.assertChart(charts.resolve("good.png"), 1000, 600);

    // the worker publishes a good snapshot at its next save: now it is plotted
    Runs.writeData(broken, 20, Runs.resonance(0.2), 5);
    listener.onProgress(snapshot(store, learners));
    assertThat(files(charts)).containsExactly("broken.png", "convergence.png", "good.png");
  }

  @Test
  void onProgress_unwritableDirectory_doesNotThrow() throws IOException {
    Path blocker =
        Files.writeString(store.resolve("blocker"), "a file where the charts directory should be");
    ChartListener listener = inline(blocker);
    RunSnapshot snapshot = snapshot(store, List.of(learnerWithData("a", 20, 1)));

    assertThatCode(() -> listener.onProgress(snapshot)).doesNotThrowAnyException();
    assertThatCode(() -> listener.onFinish(snapshot)).doesNotThrowAnyException();
  }

  @Test
  void onProgress_manyLearners_convergenceInBandsAndOnePlotEach() throws IOException {
    Path charts = store.resolve("charts");
    List<LearnerStatus> learners = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      learners.add(learnerWithData("l" + i, 20 + i, i));
    }

    ChartListener.into(charts).size(300, 200).onFinish(snapshot(store, learners));

    assertThat(files(charts)).hasSize(31).contains("convergence.png", "l0.png", "l29.png");
    Pngs.assertChart(charts.resolve("convergence.png"), 300, 200);
  }
}
