/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.Progress;
import io.adaptive.runtime.RunState;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.RunStoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code adaptive status}: one line per learner, then the counts. */
@Command(
    name = "status",
    description = {
      "Shows the state of every learner of a run.",
      "One line per learner: state, job, points, loss, failed jobs, and its heartbeat: when the"
          + " run manager last received a progress report from it (history.tsv), or, for a"
          + " learner with none, when its record last changed; then the counts, and whether a"
          + " run manager is running on the directory. Reads status.tsv, which the run manager"
          + " rewrites at every progress interval, and history.tsv.",
      ""
    })
final class StatusCommand implements Callable<Integer> {

  // Counted even when zero; other states (cancelled) only when some learner is in them.
  private static final Set<LearnerState> ALWAYS_COUNTED = EnumSet.of(LearnerState.DONE,
      LearnerState.RUNNING, LearnerState.PENDING, LearnerState.FAILED);

  @ParentCommand AdaptiveCli cli;
  @Spec CommandSpec spec;

  @Option(names = "--store", paramLabel = "DIR", description = "the run directory, e.g. runs/peaks")
  Path store;

  @Option(names = "--json", description = "one JSON object instead of the table (loss null when"
      + " infinite or undefined)")
  boolean json;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "the run directory, if not --store")
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    RunState run = RunState.read(RunArguments.of(spec, store, arguments).noMore(spec).directory());
    boolean live = run.isLive();
    Map<String, Long> heartbeats = heartbeats(run, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(run, live, heartbeats));
    } else {
      out.print(table(run, live, heartbeats, cli.clock().millis()));
    }
    out.flush();
    return AdaptiveCli.OK;
  }

  /**
   * Each learner's heartbeat: the time of its last progress report, or of its record's last change
   * if it has none (or if {@code history.tsv} cannot be read, which {@code err} is told).
   */
  static Map<String, Long> heartbeats(RunState run, PrintWriter err) {
    Map<String, Long> heartbeats = new HashMap<>();
    try {
      for (LearnerRecord r : run.learners()) {
        List<Progress> reports = run.history(r.name());
        heartbeats.put(r.name(), reports.isEmpty() ? r.updatedMillis()
            : reports.get(reports.size() - 1).epochMillis());
      }
    } catch (RunStoreException e) {
      err.println("status: " + e.getMessage() + "; the heartbeat column shows when each record"
          + " last changed instead");
      err.flush();
      heartbeats.clear();
      for (LearnerRecord r : run.learners()) {
        heartbeats.put(r.name(), r.updatedMillis());
      }
    }
    return heartbeats;
  }

  static String table(RunState run, boolean live, Map<String, Long> heartbeats, long nowMillis) {
    List<LearnerRecord> learners = run.learners();
    StringBuilder text = new StringBuilder();
    if (!learners.isEmpty()) {
      int nameWidth = "learner".length();
      int stateWidth = "running".length();
      int jobWidth = "job".length();
      for (LearnerRecord r : learners) {
        nameWidth = Math.max(nameWidth, r.name().length());
        stateWidth = Math.max(stateWidth, state(r.state()).length());
        jobWidth = Math.max(jobWidth, r.job().length());
      }
      String row = "%-" + nameWidth + "s  %-" + stateWidth + "s  %-" + jobWidth
          + "s  %9s  %12s  %5s  %s%n";
      text.append(String.format(Locale.ROOT, row, "learner", "state", "job", "points", "loss",
          "fails", "heartbeat"));
      for (LearnerRecord r : learners) {
        text.append(String.format(Locale.ROOT, row, r.name(), state(r.state()),
            r.job().isEmpty() ? "-" : r.job(), r.npoints(),
            String.format(Locale.ROOT, "%.6g", r.loss()), r.failures(),
            age(heartbeats.getOrDefault(r.name(), r.updatedMillis()), nowMillis)));
      }
    }
    Map<LearnerState, Integer> counts = new EnumMap<>(LearnerState.class);
    for (LearnerRecord r : learners) {
      counts.merge(r.state(), 1, Integer::sum);
    }
    text.append(String.format(Locale.ROOT, "%s in %s: ", run.experiment(), run.directory()));
    if (learners.isEmpty()) {
      text.append("no learners published yet");
    } else {
      text.append(String.format(Locale.ROOT, "%d %s: %d done, %d running, %d pending, %d failed",
          learners.size(), learners.size() == 1 ? "learner" : "learners",
          counts.getOrDefault(LearnerState.DONE, 0), counts.getOrDefault(LearnerState.RUNNING, 0),
          counts.getOrDefault(LearnerState.PENDING, 0),
          counts.getOrDefault(LearnerState.FAILED, 0)));
      for (Map.Entry<LearnerState, Integer> count : counts.entrySet()) {
        if (!ALWAYS_COUNTED.contains(count.getKey())) {
          text.append(String.format(Locale.ROOT, ", %d %s", count.getValue(),
              state(count.getKey())));
        }
      }
    }
    text.append(live ? "; a run manager is running on it" : "; no run manager is running on it")
        .append('\n');
    if (!run.removed().isEmpty()) {
      // Kept in the store with their data, but not run: the plan no longer has them.
      text.append(String.format(Locale.ROOT, "not in the plan, kept in the store: %s%n",
          String.join(", ", run.removed().stream().map(r -> String.format(Locale.ROOT,
              "%s (%s, %d points)", r.name(), state(r.state()), r.npoints())).toList())));
    }
    for (LearnerRecord r : learners) {
      if (r.state() == LearnerState.FAILED) {
        String first = r.lastError().lines().findFirst().orElse("");
        text.append(String.format(Locale.ROOT, "failed: %s: %s%n", r.name(), first));
      }
    }
    return text.toString();
  }

  static String state(LearnerState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  /**
   * How long ago {@code thenMillis} was: {@code 3s ago}, {@code 5m ago}, {@code 2h ago}, {@code 3d
   * ago}; {@code never} for 0 (a learner that never ran). Times ahead of the clock, from another
   * host's clock, count as now.
   */
  static String age(long thenMillis, long nowMillis) {
    if (thenMillis <= 0) {
      return "never";
    }
    Duration age = Duration.ofMillis(Math.max(0, nowMillis - thenMillis));
    if (age.toSeconds() < 60) {
      return age.toSeconds() + "s ago";
    }
    if (age.toMinutes() < 60) {
      return age.toMinutes() + "m ago";
    }
    if (age.toHours() < 48) {
      return age.toHours() + "h ago";
    }
    return age.toDays() + "d ago";
  }

  static String json(RunState run, boolean live, Map<String, Long> heartbeats) {
    StringBuilder json = new StringBuilder("{");
    json.append("\"experiment\":").append(Json.string(run.experiment()));
    json.append(",\"directory\":").append(Json.string(run.directory().toString()));
    json.append(",\"live\":").append(live);
    json.append(",\"publishedMillis\":").append(run.publishedAt().toEpochMilli());
    json.append(",\"learners\":[");
    boolean first = true;
    for (LearnerRecord r : run.learners()) {
      json.append(first ? "" : ",").append('{');
      first = false;
      json.append("\"name\":").append(Json.string(r.name()));
      json.append(",\"kind\":").append(Json.string(r.kind()));
      json.append(",\"state\":").append(Json.string(state(r.state())));
      json.append(",\"job\":").append(Json.string(r.job()));
      json.append(",\"npoints\":").append(r.npoints());
      json.append(",\"loss\":").append(Json.number(r.loss()));
      json.append(",\"failures\":").append(r.failures());
      json.append(",\"elapsedNanos\":").append(r.elapsedNanos());
      json.append(",\"updatedMillis\":").append(r.updatedMillis());
      json.append(",\"heartbeatMillis\":")
          .append(heartbeats.getOrDefault(r.name(), r.updatedMillis()));
      json.append(",\"goal\":").append(Json.string(r.goal()));
      json.append(",\"lastError\":").append(Json.string(r.lastError()));
      json.append('}');
    }
    json.append("],\"removed\":[");
    first = true;
    for (LearnerRecord r : run.removed()) {
      json.append(first ? "" : ",").append('{');
      first = false;
      json.append("\"name\":").append(Json.string(r.name()));
      json.append(",\"state\":").append(Json.string(state(r.state())));
      json.append(",\"npoints\":").append(r.npoints());
      json.append('}');
    }
    return json.append("]}").toString();
  }
}
