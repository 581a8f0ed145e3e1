/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command that starts the running program again: the same java executable, JVM options, class
 * path, main class and arguments, taken from the running JVM. Refuses (with how to start the
 * program instead) when the JVM is not the user's program but a build tool's or a test runner's.
 */
public final class RelaunchCommand {

  /** Main classes of build tools, test runners and IDEs: never the user's program. */
  private static final List<String> TOOL_LAUNCHERS = List.of("org.apache.maven.",
      "org.codehaus.plexus.classworlds.", "org.gradle.", "worker.org.gradle.", "com.intellij.rt.",
      "org.eclipse.jdt.internal.junit", "org.junit.platform.console.");

  private RelaunchCommand() {}

  /**
   * The command line of this JVM, ready to start again.
   *
   * @throws LaunchCommandException if this JVM cannot be relaunched as the user's program
   */
  public static List<String> current() {
    String launched = launchedMain();
    Optional<Class<?>> userMain = userMainClass();
    if (userMain.isPresent()) {
      Class<?> main = userMain.get();
      boolean launchedAsMain = launched.endsWith(".jar") || main.getName().equals(launched);
      if (!launchedAsMain || !onClassPath(main) || isToolLauncher(main.getName())) {
        throw new LaunchCommandException(String.format(java.util.Locale.ROOT,
            "cannot relaunch %s as a worker:%n  this JVM was started as '%s' with class path (%s),"
                + " which is not the program itself: a build tool's or test runner's JVM%n"
                + "  fix: start it with java, e.g. java -cp examples/target/adaptive-examples.jar"
                + " <your main class>%n"
                + "       (Local.inProcess() needs no relaunch and works from anywhere)",
            main.getName(), launched, abbreviate(System.getProperty("java.class.path"))));
      }
    }
    List<String> fromKernel = ownCommandLine();
    if (!fromKernel.isEmpty()) {
      return fromKernel;
    }
    ProcessHandle.Info info = ProcessHandle.current().info();
    Optional<String> executable = info.command();
    Optional<String[]> arguments = info.arguments();
    List<String> command = new ArrayList<>();
    if (executable.isPresent() && arguments.isPresent()) {
      command.add(executable.get());
      command.addAll(Arrays.asList(arguments.get()));
      return List.copyOf(command);
    }
    // The operating system does not tell the exact arguments: rebuild them from what the JVM knows.
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(Arrays.asList(System.getProperty("sun.java.command", "").split(" ")));
    return List.copyOf(command);
  }

  /**
   * This process's command line as the kernel has it (Linux: {@code /proc/self/cmdline}), exact and
   * whole; empty where there is no such file. Preferred to {@link ProcessHandle.Info#arguments()},
   * which reads at most one page of it: with a long class path the program's last arguments were
   * cut off, and the workers started with fewer arguments than the driver.
   */
  static List<String> ownCommandLine() {
    byte[] bytes;
    try {
      bytes = java.nio.file.Files.readAllBytes(Path.of("/proc/self/cmdline"));
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        words.add(new String(bytes, start, i - start, java.nio.charset.StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    if (words.isEmpty() || !Path.of(words.get(0)).getFileName().toString().startsWith("java")) {
      return List.of(); // not a java launcher's command line: let the JVM's own view decide
    }
    String executable = ProcessHandle.current().info().command().orElse(words.get(0));
    words.set(0, executable);
    return List.copyOf(words);
  }

  private static String launchedMain() {
    String command = System.getProperty("sun.java.command", "").trim();
    if (command.isEmpty()) {
      throw new LaunchCommandException("cannot relaunch this program as a worker: the JVM does not"
          + " say how it was started (no sun.java.command)\n"
          + "  fix: start it with java -cp <jar> <main class>, or use Local.inProcess()");
    }
    return command.split(" ")[0];
  }

  /** The class whose static main(String[]) is outermost on this thread's stack, if any. */
  private static Optional<Class<?>> userMainClass() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(frames -> frames.filter(f -> f.getMethodName().equals("main"))
            .reduce((inner, outer) -> outer))
        .map(StackWalker.StackFrame::getDeclaringClass);
  }

  private static boolean onClassPath(Class<?> main) {
    CodeSource source = main.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return false;
    }
    try {
      Path location = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!entry.isEmpty() && Path.of(entry).toAbsolutePath().normalize().equals(location)) {
          return true;
        }
      }
      return false;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isToolLauncher(String className) {
    return TOOL_LAUNCHERS.stream().anyMatch(className::startsWith);
  }

  private static String abbreviate(String classPath) {
    return classPath.length() <= 120 ? classPath : classPath.substring(0, 117) + "...";
  }
}
