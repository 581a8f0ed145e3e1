/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static io.adaptive.backend.local.RunDirectoryFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run manager's port under attack while a real run goes on: garbage, unauthenticated and
 * oversized messages, and a connection that never authenticates, sent to the address the manager
 * publishes in {@code manager.address}. The run still finishes with no failure.
 */
final class ProtocolFuzzIT {

  private static final List<String> LEARNERS =
      List.of("peak[a=0.01]", "peak[a=0.02]", "peak[a=0.03]");

  @TempDir Path dir;

  @Test
  void garbageUnauthenticatedAndOversizedMessages_duringARun_everyLearnerStillFinishes()
      throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "2", "3", "3000", "1", "200");
    Path addressFile = store.resolve("manager.address");
    await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(addressFile));
    String address = Files.readString(addressFile, StandardCharsets.UTF_8).trim();
    int colon = address.lastIndexOf(':');
    InetSocketAddress manager = new InetSocketAddress(address.substring(0, colon),
        Integer.parseInt(address.substring(colon + 1)));
    driver.awaitRows(store, LEARNERS.get(0), 100);

    SplittableRandom random = new SplittableRandom(2024);
    int sent = 0;
    int sentWhileLearning = 0;
    try (Socket silent = new Socket()) {
      // Connects and starts a greeting it never finishes: it must hold nothing up.
      silent.connect(manager, 10_000);
      silent.getOutputStream().write("HELLO adaptive/2 ".getBytes(StandardCharsets.UTF_8));
      silent.getOutputStream().flush();
      while (driver.process().isAlive() && sent < 400) {
        sendAndClose(manager, message(random, sent, store));
        sent++;
        if (LEARNERS.stream().anyMatch(l -> learning(store, l))) {
          sentWhileLearning++;
        }
      }
      assertThat(driver.awaitExit()).as(driver.output()).isZero();
    }

    assertThat(sentWhileLearning).as("messages sent while a learner was short of its goal")
        .isGreaterThanOrEqualTo(20);
    assertThat(driver.output()).contains("3 done, 0 failed of 3 learners");
    for (String learner : LEARNERS) {
      assertThat(driver.output()).containsPattern(java.util.regex.Pattern.quote(learner)
          + "\\s+done\\s+\\d+\\s+\\S+\\s+0\\n");
      assertThat(rows(store, learner)).isGreaterThanOrEqualTo(3000);
    }
    assertThat(RunDirectoryFiles.logs(store)).as("one job per learner: nothing was disturbed")
        .hasSize(3);
  }

  private static boolean learning(Path store, String learner) {
    try {
      return rows(store, learner) < 3000;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The n-th message: random bytes, an oversized line, reports without a greeting, or a greeting
   * with a wrong secret that names a running learner, its job and its fingerprint (all readable in
   * status.tsv) followed by a report that it is done: harmless only if the secret is checked.
   */
  private static byte[] message(SplittableRandom random, int n, Path store) throws IOException {
    switch (n % 5) {
      case 0 -> {
        String forged = "HELLO adaptive/2 " + Long.toHexString(random.nextLong());
        List<io.adaptive.runtime.store.LearnerRecord> running =
            io.adaptive.runtime.store.StatusFile.read(store.resolve("status.tsv")).stream()
                .filter(r -> !r.job().isEmpty()).toList();
        if (running.isEmpty()) {
          forged += " cGVhaw== ajE= ff";
        } else {
          io.adaptive.runtime.store.LearnerRecord r = running.get(random.nextInt(running.size()));
          java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
          forged += " " + b64.encodeToString(r.name().getBytes(StandardCharsets.UTF_8)) + " "
              + b64.encodeToString(r.job().getBytes(StandardCharsets.UTF_8)) + " "
              + r.fingerprint();
        }
        return (forged + "\nDONE 5 0.0 1 1 1\n").getBytes(StandardCharsets.UTF_8);
      }
      case 1 -> {
        return ("PROGRESS 1 0.5 10 1 1\nDONE 1 0.5 10 1 1\n").getBytes(StandardCharsets.UTF_8);
      }
      case 2 -> {
        byte[] oversized = new byte[200_000]; // longer than any line the protocol reads
        java.util.Arrays.fill(oversized, (byte) 'A');
        return oversized;
      }
      default -> {
        byte[] garbage = new byte[random.nextInt(1, 400)];
        for (int j = 0; j < garbage.length; j++) {
          garbage[j] = (byte) random.nextInt(256);
        }
        garbage[garbage.length - 1] = '\n';
        return garbage;
      }
    }
  }

  private static void sendAndClose(InetSocketAddress manager, byte[] bytes) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(manager, 10_000);
      socket.setSoTimeout(30_000);
      try {
        socket.getOutputStream().write(bytes);
        socket.shutdownOutput();
        InputStream in = socket.getInputStream();
        while (in.read() != -1) {
          // Drain until the manager closes the connection.
        }
      } catch (IOException e) {
        // A reset of a connection that sent too much is a rejection too.
      }
    } catch (java.net.ConnectException e) {
      // The run ended and its manager stopped listening.
    }
  }
}
