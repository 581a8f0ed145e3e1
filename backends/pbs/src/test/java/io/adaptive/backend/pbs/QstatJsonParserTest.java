/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.backend.batch.SchedulerState;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class QstatJsonParserTest {

  @Test
  void parse_openPbsJson_givesWhatTheTextLayoutGives() {
    List<QstatJob> jobs = QstatJsonParser.parse(Fixtures.read("qstat/openpbs.json"));
    List<QstatJob> text = QstatParser.parse(Fixtures.read("qstat/openpbs.txt"));

    assertThat(jobs).extracting(QstatJob::id).containsExactly("4211.pbs01", "4198.pbs01");
    for (String name : List.of("Job_Name", "Job_Owner", "job_state", "queue", "exec_host",
        "Resource_List.select", "Resource_List.walltime", "Resource_List.ncpus",
        "resources_used.walltime", "resources_used.cpupercent", "stime", "comment")) {
      assertThat(jobs.get(0).get(name)).as(name).isEqualTo(text.get(0).get(name));
    }
    assertThat(jobs.get(1).exitStatus()).isEqualTo(OptionalInt.of(0));
    assertThat(PbsStates.read(jobs.get(1)).state()).isEqualTo(SchedulerState.COMPLETED);
  }

  @Test
  void parse_variableListObject_becomesTheTextForm() {
    QstatJob job = QstatJsonParser.parse(Fixtures.read("qstat/openpbs.json")).get(0);

    assertThat(job.get("Variable_List")).isEqualTo("PBS_O_HOME=/home/alice,PBS_O_WORKDIR="
        + "/home/alice/run,ADAPTIVE_JOB_COMMENT=adaptive:run=7k2q;job=j17-x,PBS_O_HOST=login01");
    assertThat(PbsScheduler.comment(job)).isEqualTo("adaptive:run=7k2q;job=j17-x");
  }

  @Test
  void parse_escapes() {
    QstatJob job = QstatJsonParser.parse(Fixtures.read("qstat/openpbs.json")).get(1);
    assertThat(job.get("comment")).isEqualTo("say \"hi\"\tand \u00e9");
  }

  @Test
  void parse_noJobs_empty() {
    assertThat(QstatJsonParser.parse("{\"timestamp\":1,\"pbs_server\":\"s\"}")).isEmpty();
    assertThat(QstatJsonParser.parse("{\"Jobs\":{}}")).isEmpty();
  }

  @Test
  void parse_broken_saysWhere() {
    assertThatThrownBy(() -> QstatJsonParser.parse("{\"Jobs\":{\"1.s\":{\"job_state\":\"R\"}"))
        .isInstanceOf(QstatFormatException.class)
        .hasMessage("cannot read the output of qstat -f -F json: at character 32, 'the end' where"
            + " '}' belongs; expected an object with 'Jobs' keyed by job id");
    assertThatThrownBy(() -> QstatJsonParser.parse("<html>"))
        .hasMessageContaining("at character 0, '<' where a value belongs");
  }
}
