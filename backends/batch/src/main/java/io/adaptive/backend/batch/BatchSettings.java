/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a batch backend talks to its scheduler and its workers; the same for every scheduler. An
 * immutable value: each {@code withX} returns a copy. Start from {@link #defaults()}.
 *
 * @param bindHost the interface the run manager listens on for workers; default {@code 0.0.0.0}
 *     (all), since workers run on compute nodes
 * @param advertisedHost the host name workers connect to; default this machine's canonical host
 *     name. It must reach {@code bindHost} from the compute nodes
 * @param commandTimeout how long one scheduler command may run before it is killed and counted as
 *     failed; default 60 s (a command waits about 9 s when the controller is down)
 * @param exitFileGrace how long a job that ended, or is no longer listed by the scheduler, may lack
 *     its exit file before it is judged without it (shared file systems show files late); default
 *     270 s (Nextflow's value)
 * @param java the java executable jobs run instead of the relaunch command's own (for compute nodes
 *     that have java elsewhere); empty (the default) to keep it
 * @param javaOptions JVM options the jobs' JVMs get after the driver's own, so that the workers can
 *     be tuned apart from the driver: where an option is given twice the later wins, e.g. {@code
 *     -XX:TieredStopAtLevel=4} undoes a driver's C1-only {@code -XX:TieredStopAtLevel=1}. Each
 *     starts with {@code -}; an option with a value is one word
 *     ({@code --add-opens=m/p=ALL-UNNAMED}); heap, class path, module and {@code -jar} options are
 *     refused. Empty by default
 * @param executables directories searched first for the scheduler's commands ({@code sbatch}
 *     etc.) and put first on their {@code PATH}; empty (the default) for {@code PATH} alone
 * @param namePrefix the start of every job name, before the run tag: 1 to 4 letters, digits or
 *     {@code _}, starting with a letter; default {@code as}
 * @param user whose jobs the status query asks for; default the {@code user.name} of this JVM
 */
public record BatchSettings(String bindHost, String advertisedHost, Duration commandTimeout,
    Duration exitFileGrace, String java, List<String> javaOptions, List<Path> executables,
    String namePrefix, String user) {

  /** Default of {@link #commandTimeout()}. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  /** Default of {@link #exitFileGrace()}. */
  public static final Duration EXIT_FILE_GRACE = Duration.ofSeconds(270);
  /** Default of {@link #namePrefix()}. */
  public static final String NAME_PREFIX = "as";

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a duration is not positive, the name prefix is not 1 to 4
   *     letters, digits or {@code _} starting with a letter, or a java option is not one the workers
   *     can take; the message names the value and the fix
   */
  public BatchSettings {
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(advertisedHost, "advertisedHost");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    Objects.requireNonNull(exitFileGrace, "exitFileGrace");
    Objects.requireNonNull(java, "java");
    javaOptions = List.copyOf(javaOptions);
    WorkerCommand.checkOptions(javaOptions);
    executables = List.copyOf(executables);
    Objects.requireNonNull(namePrefix, "namePrefix");
    Objects.requireNonNull(user, "user");
    positive(commandTimeout, "commandTimeout");
    if (exitFileGrace.isNegative()) {
      throw new IllegalArgumentException("exitFileGrace(" + exitFileGrace + ") is negative; use"
          + " zero or more, e.g. exitFileGrace(Duration.ofSeconds(270))");
    }
    if (!namePrefix.matches("[A-Za-z][A-Za-z0-9_]{0,3}")) {
      throw new IllegalArgumentException("namePrefix('" + namePrefix + "') must be 1 to 4"
          + " letters, digits or '_' starting with a letter, so that job names stay within 15"
          + " characters; e.g. namePrefix(\"as\")");
    }
    if (bindHost.isBlank() || advertisedHost.isBlank()) {
      throw new IllegalArgumentException("bindHost('" + bindHost + "') and advertisedHost('"
          + advertisedHost + "') must not be blank; e.g. bindHost(\"0.0.0.0\")");
    }
  }

  /** Every default; see the record's components. */
  /**
   * Reads a duration option of a backend given as text, e.g. by name on a command line:
   * {@code 180} (seconds), {@code 180s}, {@code 500ms}, {@code 5m}, {@code 1h} or an ISO-8601
   * duration such as {@code PT3M}.
   *
   * @param backend the backend's name, for the message
   * @param option the option's name, for the message
   * @throws IllegalArgumentException if {@code value} is none of these; the message names the
   *     backend, the option and the value, with examples
   */
  public static Duration duration(String backend, String option, String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("p")) {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      char unit = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
      String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
      long amount = Long.parseLong(number);
      return switch (unit) {
        case 'h' -> Duration.ofHours(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 's' -> Duration.ofSeconds(amount);
        default -> {
          if (!Character.isDigit(unit)) {
            throw new NumberFormatException(value);
          }
          yield Duration.ofSeconds(amount);
        }
      };
    } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("backend '" + backend + "' option " + option + "='"
          + value + "' is not a duration; e.g. " + option + "=180s, 5m, 1h or PT3M");
    }
  }

  public static BatchSettings defaults() {
    return new BatchSettings("0.0.0.0", localHostName(), COMMAND_TIMEOUT, EXIT_FILE_GRACE, "",
        List.of(), List.of(), NAME_PREFIX, System.getProperty("user.name", ""));
  }

  /** A copy with this bind host; see {@link #bindHost()}. */
  public BatchSettings withBindHost(String bindHost) {
    return new BatchSettings(bindHost, advertisedHost, commandTimeout, exitFileGrace, java,
        javaOptions, executables, namePrefix, user);
  }

  /** A copy with this advertised host; see {@link #advertisedHost()}. */
  public BatchSettings withAdvertisedHost(String advertisedHost) {
    return new BatchSettings(bindHost, advertisedHost, commandTimeout, exitFileGrace, java,
        javaOptions, executables, namePrefix, user);
  }

  /** A copy with this command timeout; see {@link #commandTimeout()}. */
  public BatchSettings withCommandTimeout(Duration commandTimeout) {
    return new BatchSettings(bindHost, advertisedHost, commandTimeout, exitFileGrace, java,
        javaOptions, executables, namePrefix, user);
  }

  /** A copy with this grace period for exit files; see {@link #exitFileGrace()}. */
  public BatchSettings withExitFileGrace(Duration exitFileGrace) {
    return new BatchSettings(bindHost, advertisedHost, commandTimeout, exitFileGrace, java,
        javaOptions, executables, namePrefix, user);
  }

  /** A copy whose jobs run this java executable; see {@link #java()}. */
  public BatchSettings withJava(String java) {
    return new BatchSettings(bindHost, advertisedHost, commandTimeout, exitFileGrace, java,
        javaOptions, executables, namePrefix, user);
  }

  /** A copy whose jobs' JVMs get these options after the driver's; see {@link #javaOptions()}. */
  public BatchSettings withJavaOptions(List<String> javaOptions) {
    return new BatchSettings(bindHost, advertisedHost, commandTimeout, exitFileGrace, java,
        javaOptions, executables, namePrefix, user);
  }

  /** A copy that looks for the scheduler's commands in these directories first. */
  public BatchSettings withExecutables(List<Path> executables) {
    return new BatchSettings(bindHost, advertisedHost, commandTimeout, exitFileGrace, java,
        javaOptions, executables, namePrefix, user);
  }

  /** A copy with this job name prefix; see {@link #namePrefix()}. */
  public BatchSettings withNamePrefix(String namePrefix) {
    return new BatchSettings(bindHost, advertisedHost, commandTimeout, exitFileGrace, java,
        javaOptions, executables, namePrefix, user);
  }

  /** A copy that queries the jobs of this user; see {@link #user()}. */
  public BatchSettings withUser(String user) {
    return new BatchSettings(bindHost, advertisedHost, commandTimeout, exitFileGrace, java,
        javaOptions, executables, namePrefix, user);
  }

  private static void positive(Duration duration, String name) {
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s(%s) must be positive;"
          + " e.g. %s(Duration.ofSeconds(60))", name, duration, name));
    }
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
