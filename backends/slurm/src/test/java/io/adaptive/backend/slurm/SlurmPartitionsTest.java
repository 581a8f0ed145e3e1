/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.backend.batch.CommandResult;
import io.adaptive.backend.batch.SchedulerOutputException;
import io.adaptive.plan.Memory;
import io.adaptive.plan.ResourceShape;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SlurmPartitionsTest {

  // As `sinfo --noheader --format=%P|%l|%c|%m` prints them: a line per partition and node state.
  private static final SlurmPartitions CLUSTER = SlurmPartitions.parse(sinfo("""
      debug*|infinite|8|19284
      short|1:00:00|16|64000
      short|1:00:00|32|128000
      mixed|2-00:00:00|8+|4000+
      """));

  private static CommandResult sinfo(String stdout) {
    return new CommandResult(SlurmPartitions.COMMAND, 0, stdout, "", false);
  }

  private static ResourceShape shape(String partition, int cores, int nodes, long memoryMib,
      Duration walltime) {
    return new ResourceShape(cores, nodes, nodes, Memory.mib(memoryMib), walltime, partition, "",
        "", 0, false, "", new TreeMap<>(), List.of(), List.of());
  }

  @Test
  void check_shapesThePartitionsTake_haveNoProblems() {
    assertThat(CLUSTER.check("l", shape("", 8, 1, 19284, Duration.ofDays(30)))).isEmpty();
    assertThat(CLUSTER.check("l", shape("short", 32, 1, 128000, Duration.ofHours(1)))).isEmpty();
    assertThat(CLUSTER.check("l", shape("short", 64, 2, 256000, Duration.ofMinutes(59))))
        .isEmpty();
  }

  @Test
  void check_unknownPartition_namesThoseThereAreAndTheDefault() {
    assertThat(CLUSTER.check("peak[a=1]", shape("gpu", 1, 1, 1024, Duration.ofMinutes(10))))
        .containsExactly("learner 'peak[a=1]' asks for partition 'gpu', which this cluster does"
            + " not have (sinfo lists: debug, short, mixed); use one of them, or leave"
            + " partition(..) out for the default 'debug'");
  }

  @Test
  void check_walltimeAboveTheLimit_wouldPendForEver() {
    assertThat(CLUSTER.check("l", shape("short", 1, 1, 1024, Duration.ofMinutes(61))))
        .containsExactly("learner 'l' asks for walltime 0-01:01:00, above the limit 0-01:00:00"
            + " of partition 'short', so its jobs would stay PENDING for ever; ask for"
            + " walltime(..) of at most 0-01:00:00, or another partition");
  }

  @Test
  void check_moreCpusOrMemoryPerNodeThanAnyNodeHas_areBothSaid() {
    assertThat(CLUSTER.check("l", shape("", 9, 1, 20000, Duration.ofMinutes(10))))
        .containsExactly(
            "learner 'l' asks for 9 cores on each of its 1 node(s), but the nodes of partition"
                + " 'debug' have at most 8 CPUs; ask for fewer cores, or more nodes(..)",
            "learner 'l' asks for 20000 MiB of memory on each of its 1 node(s), but the nodes of"
                + " partition 'debug' have at most 19284 MiB; ask for less memory(..), or more"
                + " nodes(..)");
  }

  @Test
  void check_figuresGivenAsLowerBounds_areNotChecked() {
    assertThat(CLUSTER.check("l", shape("mixed", 64, 1, 100000, Duration.ofDays(2)))).isEmpty();
  }

  @Test
  void check_noDefaultPartition_leavesAnEmptyPartitionToSbatch() {
    SlurmPartitions noDefault = SlurmPartitions.parse(sinfo("a|infinite|4|1000\n"));
    assertThat(noDefault.check("l", shape("", 64, 1, 100000, Duration.ofDays(2)))).isEmpty();
  }

  @Test
  void parse_lineWithoutFourColumns_isRefused() {
    assertThatThrownBy(() -> SlurmPartitions.parse(sinfo("debug* up infinite\n")))
        .isInstanceOf(SchedulerOutputException.class)
        .hasMessage("sinfo printed 'debug* up infinite', not name|time limit|CPUs|memory");
  }

  @ParameterizedTest
  @CsvSource({"30, 1800", "30:15, 1815", "1:00:00, 3600", "2-12, 216000", "1-02:03, 93780",
      "1-00:00:01, 86401"})
  void seconds_everySlurmTimeForm(String limit, long seconds) {
    assertThat(SlurmPartitions.seconds(limit)).isEqualTo(OptionalLong.of(seconds));
  }

  @ParameterizedTest
  @CsvSource({"infinite", "UNLIMITED", "n/a", "''"})
  void seconds_noLimit(String limit) {
    assertThat(SlurmPartitions.seconds(limit)).isEmpty();
  }
}
