/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class QstatParserTest {

  // ---- fixtures: real layouts ----

  @Test
  void parse_openPbsSample_readsBothBlocksAndJoinsTheWrappedVariableList() {
    String text = Fixtures.read("qstat/openpbs.txt");
    assertThat(text).as("the fixture has a real TAB continuation").contains("\n\tome/alice/run,");

    List<QstatJob> jobs = QstatParser.parse(text);

    assertThat(jobs).extracting(QstatJob::id).containsExactly("4211.pbs01", "4198.pbs01");
    QstatJob running = jobs.get(0);
    assertThat(running.attributes()).hasSize(32);
    assertThat(running.name()).isEqualTo("as7k2q-17");
    assertThat(running.owner()).isEqualTo("alice");
    assertThat(running.state()).isEqualTo("R");
    assertThat(running.get("Resource_List.select")).isEqualTo("1:ncpus=8:mem=16gb");
    assertThat(running.get("Variable_List")).isEqualTo("PBS_O_HOME=/home/alice,PBS_O_LOGNAME=alice,"
        + "PBS_O_WORKDIR=/home/alice/run,PBS_O_SHELL=/bin/bash,PBS_O_QUEUE=workq,PBS_O_HOST=login01");
    assertThat(running.get("Submit_arguments")).isEqualTo("/home/alice/run/jobs/as7k2q-17.pbs");
    assertThat(running.exitStatus()).isEmpty();
    QstatJob finished = jobs.get(1);
    assertThat(finished.state()).isEqualTo("F");
    assertThat(finished.exitStatus()).isEqualTo(OptionalInt.of(0));
    assertThat(finished.get("resources_used.walltime")).isEqualTo("00:41:12");
  }

  @Test
  void parse_torque_readsStateCAndLowerCaseExitStatus() {
    List<QstatJob> jobs = QstatParser.parse(Fixtures.read("qstat/torque.txt"));

    assertThat(jobs).extracting(QstatJob::id)
        .containsExactly("1077.headnode.cluster.org", "1078.headnode.cluster.org");
    assertThat(jobs.get(0).state()).isEqualTo("C");
    assertThat(jobs.get(0).exitStatus()).isEqualTo(OptionalInt.of(3));
    assertThat(jobs.get(0).owner()).isEqualTo("alice");
    assertThat(jobs.get(0).get("Resource_List.nodes")).isEqualTo("1:ppn=4");
    assertThat(jobs.get(1).state()).isEqualTo("Q");
    assertThat(jobs.get(1).exitStatus()).isEmpty();
  }

  @Test
  void parse_slurmWlmTorque_tabHeaderAndTabIndentedAttributes_areAttributesNotContinuations() {
    String text = Fixtures.read("qstat/slurm-wlm-torque.txt");
    assertThat(text).startsWith("Job Id:\t5\n\tJob_Name = pbshello\n");

    List<QstatJob> jobs = QstatParser.parse(text);

    assertThat(jobs).hasSize(1);
    QstatJob job = jobs.get(0);
    assertThat(job.id()).isEqualTo("5");
    assertThat(job.attributes()).hasSize(14);
    assertThat(job.name()).isEqualTo("pbshello");
    assertThat(job.owner()).isEqualTo("root");
    assertThat(job.state()).isEqualTo("R");
    assertThat(job.get("Resource_List.walltime")).isEqualTo("00:05:00");
    assertThat(job.get("euser")).isEqualTo("root(0)");
  }

  @Test
  void parse_wrappedInsideWords_joinsWithNothingOverSeveralLines() {
    List<QstatJob> jobs = QstatParser.parse(Fixtures.read("qstat/wrapped.txt"));

    assertThat(jobs).hasSize(1);
    QstatJob job = jobs.get(0);
    assertThat(job.get("Variable_List")).isEqualTo("PBS_O_HOME=/home/bob,PBS_O_LOGNAME=bob,"
        + "PBS_O_WORKDIR=/home/bob/projects/adaptive/runs/resonance,PBS_O_SHELL=/bin/bash,"
        + "PBS_O_QUEUE=workq,PBS_O_HOST=login02,ADAPTIVE_LEARNER=resonance[damping=0.05]");
    assertThat(job.get("comment"))
        .isEqualTo("Not Running: Insufficient amount of resource: ncpus (R: 16 A: 8 T: 8)");
    assertThat(job.get("Submit_arguments"))
        .as("the last line of the output is a continuation without a blank line after it")
        .isEqualTo("/home/bob/projects/adaptive/runs/resonance/jobs/as9z-1.pbs");
  }

  @Test
  void parse_valuesWithEqualsSigns_splitAtTheFirstSpacedEqualsOnly() {
    QstatJob job = QstatParser.parse(Fixtures.read("qstat/equals.txt")).get(0);

    assertThat(job.get("Resource_List.select")).isEqualTo("2:ncpus=4:mpiprocs=2:mem=4096mb");
    assertThat(job.get("comment")).isEqualTo("job held, reason = user hold, see qrls");
    assertThat(job.get("Variable_List")).isEqualTo("A=1,B= 2 ,C = 3");
    assertThat(job.state()).isEqualTo("H");
  }

  @Test
  void parse_manyBlocks_matchesTheListMadeWithTheFixture() {
    List<QstatJob> jobs = QstatParser.parse(Fixtures.read("qstat/many.txt"));

    List<String> seen = jobs.stream().map(j -> j.id() + " " + j.owner() + " " + j.state() + " "
        + (j.exitStatus().isPresent() ? String.valueOf(j.exitStatus().getAsInt()) : "-")).toList();
    assertThat(seen).containsExactlyElementsOf(
        Fixtures.read("qstat/many.expected").lines().toList());
  }

  @Test
  void parse_emptyOutput_noJobs() {
    assertThat(QstatParser.parse(Fixtures.read("qstat/empty.txt"))).isEmpty();
    assertThat(QstatParser.parse("\n\n")).isEmpty();
  }

  @Test
  void parse_crlfLineEnds_areRead() {
    assertThat(QstatParser.parse("Job Id: 1.x\r\n    job_state = Q\r\n\r\n").get(0).state())
        .isEqualTo("Q");
  }

  @Test
  void parse_emptyValue_isKept() {
    assertThat(QstatParser.parse("Job Id: 1.x\n    comment =\n    job_state = Q\n").get(0)
        .attributes()).containsEntry("comment", "").containsEntry("job_state", "Q");
  }

  // ---- garbage ----

  @Test
  void parse_garbage_namesTheLineAndTheFix() {
    assertThatThrownBy(() -> QstatParser.parse(Fixtures.read("qstat/garbage.txt")))
        .isInstanceOf(QstatFormatException.class)
        .hasMessage("cannot read the output of qstat -f: line 1 is text outside a job block"
            + " (blocks open with 'Job Id: <id>'): '<html><head><title>502 Bad Gateway</title>"
            + "</head>'; expected the OpenPBS/Torque layout ('Job Id: <id>', then indented"
            + " 'name = value' lines, TAB continuation lines); check that 'qstat' on the PATH is"
            + " PBS's (which qstat)");
  }

  @Test
  void parse_attributeWithoutEquals_isRejected() {
    assertThatThrownBy(() -> QstatParser.parse("Job Id: 1.x\n    job_state R\n"))
        .isInstanceOf(QstatFormatException.class)
        .hasMessageContaining("line 2 is an attribute line without ' = ': '    job_state R'");
  }

  @Test
  void parse_continuationBeforeAnyAttribute_isRejected() {
    assertThatThrownBy(() -> QstatParser.parse("Job Id: 1.x\n\tome\n"))
        .isInstanceOf(QstatFormatException.class)
        .hasMessageContaining("line 2 is a continuation line (it starts with a TAB) before any"
            + " attribute: '\\tome'");
  }

  @Test
  void parse_headerWithoutId_isRejected() {
    assertThatThrownBy(() -> QstatParser.parse("Job Id:\n"))
        .isInstanceOf(QstatFormatException.class).hasMessageContaining("line 1 is a 'Job Id:'");
  }

  // ---- owner filter ----

  @Test
  void parseOwnedBy_matchesTheUserPartExactly_notASubstring() {
    List<QstatJob> jobs = QstatParser.parseOwnedBy(Fixtures.read("qstat/many.txt"), "alice");

    assertThat(jobs).isNotEmpty().allSatisfy(j -> assertThat(j.get("Job_Owner")).startsWith("alice@"));
    long expected = Fixtures.read("qstat/many.expected").lines()
        .filter(l -> l.split(" ")[1].equals("alice")).count();
    assertThat(jobs).hasSize((int) expected);
  }
}
