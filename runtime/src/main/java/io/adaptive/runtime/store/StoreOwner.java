/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The process that holds a run store, as it recorded itself next to the lock when it took it.
 *
 * @param pid its process id
 * @param host the host it runs on
 * @param since when it took the lock
 */
public record StoreOwner(long pid, String host, Instant since) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  public StoreOwner {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(since, "since");
  }

  /** This process, now. */
  static StoreOwner current() {
    return new StoreOwner(ProcessHandle.current().pid(), hostName(), Instant.now());
  }

  /** This host's name as the OS reports it; {@code unknown} if it cannot. */
  static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * {@code pid 1234 on host h, since 17:20:05}: the time in this JVM's zone, with the date if it
   * is not today.
   */
  String describe(ZoneId zone) {
    ZonedDateTime at = since.atZone(zone);
    String when = at.toLocalDate().equals(LocalDate.now(zone)) ? TIME.format(at)
        : DATE_TIME.format(at);
    return "pid " + pid + " on host " + host + ", since " + when;
  }

  void write(Path file) throws IOException {
    String text = "pid=" + pid + "\nhost=" + host + "\nsince=" + since + "\n";
    Path temporary = FileReplacement.temporary(file);
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    // no fsync: the record only matters while this process lives, and a crash ends that
    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** The owner recorded in {@code file}; empty if it is missing or unreadable. */
  static Optional<StoreOwner> read(Path file) {
    try {
      Properties properties = new Properties();
      properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
      return Optional.of(new StoreOwner(Long.parseLong(properties.getProperty("pid")),
          properties.getProperty("host"), Instant.parse(properties.getProperty("since"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
