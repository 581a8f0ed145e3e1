/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Skips (or, with {@code REQUIRE_SLURM=1}, fails) the tests of {@link RequiresSlurm} when no SLURM
 * cluster is usable. The cluster is probed once per test JVM; the answer is kept in the root
 * context's store.
 */
final class SlurmClusterCheck implements BeforeAllCallback, BeforeEachCallback {

  static final String START_HINT = "start it as root with scripts/slurm/start-local-cluster.sh";
  /** {@code sinfo} waits about 9 s for a controller that is down before it fails. */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SlurmClusterCheck.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    check(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    check(context);
  }

  private static void check(ExtensionContext context) {
    String problem = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("problem",
        key -> SlurmProbe.usableNode(List.of("sinfo", "-h", "-o", "%T"), PROBE_TIMEOUT).orElse(""),
        String.class);
    Optional<Throwable> verdict = verdict(problem, System::getenv);
    if (verdict.isPresent()) {
      Throwable t = verdict.get();
      if (t instanceof RuntimeException e) {
        throw e;
      }
      throw (Error) t;
    }
  }

  /**
   * What to do about {@code problem} (empty: none): nothing; an abort, so the test is reported
   * skipped; or a failure if the environment has {@code REQUIRE_SLURM=1}. The message also goes to
   * standard error, so that a skip is seen in the build log and not only in the reports.
   */
  static Optional<Throwable> verdict(String problem, Function<String, String> environment) {
    if (problem.isEmpty()) {
      return Optional.empty();
    }
    String message = "SLURM not available: " + problem + "; " + START_HINT;
    if ("1".equals(environment.apply("REQUIRE_SLURM"))) {
      message += " (REQUIRE_SLURM=1, so this fails instead of being skipped)";
      System.err.println("\n*** " + message + " ***\n");
      return Optional.of(new AssertionFailedError(message));
    }
    System.err.println("\n*** " + message + " ***\n");
    return Optional.of(new TestAbortedException(message));
  }
}
