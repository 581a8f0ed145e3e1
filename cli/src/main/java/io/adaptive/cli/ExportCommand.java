/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import io.adaptive.runtime.RunState;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adaptive export}: learners' data as CSV. */
@Command(
    name = "export",
    description = {
      "Writes learners' data as CSV.",
      "Rows sorted by the input columns (x; seed; seed, x; …), cells exactly as the workers"
          + " wrote them. Reads each learner's published snapshot (learners/<name>/data.csv), so"
          + " it works while the run is live.",
      "To standard output: one learner's CSV, or for several learners with the same columns one"
          + " CSV with a first column 'learner'. With --out DIR: one <learner>.csv per learner.",
      "Without learner names: every learner of the run.",
      ""
    })
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--store", paramLabel = "DIR", description = "the run directory, e.g. runs/peaks")
  Path store;

  @Option(names = "--out", paramLabel = "DIR", description = "write one <learner>.csv per learner"
      + " into DIR (created if needed) instead of to standard output")
  Path out;

  @Parameters(paramLabel = "[DIR] [LEARNER...]", hideParamSyntax = true,
      description = "the run directory (if not --store), then learner names; default all")
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    RunArguments target = RunArguments.of(spec, store, arguments);
    RunState run = RunState.read(target.directory());
    RunDirectory layout = new RunDirectory(run.directory());
    List<String> names = new ArrayList<>(new LinkedHashSet<>(target.rest()));
    if (names.isEmpty()) {
      run.learners().stream().map(LearnerRecord::name).forEach(names::add);
    }
    PrintWriter err = spec.commandLine().getErr();
    List<SortedCsv> tables = new ArrayList<>();
    for (String name : names) {
      run.learner(name); // an unknown name fails here, listing the run's learners
      SortedCsv table = SortedCsv.read(name, layout.snapshot(name));
      if (table == null) {
        err.println("export: learner '" + name + "' has no data yet; skipped");
      } else {
        tables.add(table);
      }
    }
    err.flush();
    if (out != null) {
      writeFiles(tables);
    } else {
      writeStandardOutput(tables);
    }
    return AdaptiveCli.OK;
  }

  private void writeFiles(List<SortedCsv> tables) {
    PrintWriter console = spec.commandLine().getOut();
    long rows = 0;
    try {
      Files.createDirectories(out);
      for (SortedCsv table : tables) {
        Path file = out.resolve(table.learner() + ".csv");
        Path temporary = out.resolve("." + table.learner() + ".csv.tmp");
        Files.writeString(temporary, table.text(), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        rows += table.rows().size();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export into '" + out + "'", e);
    }
    console.printf(Locale.ROOT, "exported %d %s (%d rows) into %s%n", tables.size(),
        tables.size() == 1 ? "learner" : "learners", rows, out);
    console.flush();
  }

  private void writeStandardOutput(List<SortedCsv> tables) {
    PrintWriter console = spec.commandLine().getOut();
    if (tables.size() == 1) {
      console.print(tables.get(0).text());
    } else if (tables.size() > 1) {
      SortedCsv first = tables.get(0);
      for (SortedCsv table : tables) {
        if (!table.header().equals(first.header())) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "learners '%s' and '%s' have different columns (%s and %s), so they do not fit in"
                  + " one CSV; export them one at a time, or into files with --out DIR",
              first.learner(), table.learner(), first.header(), table.header()));
        }
      }
      console.println("learner," + first.header());
      for (SortedCsv table : tables) {
        String name = SortedCsv.quote(table.learner());
        for (String row : table.rows()) {
          console.println(name + "," + row);
        }
      }
    }
    console.flush();
  }
}
