/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs.fake;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fake PBS server for tests: {@code qsub}, {@code qstat}, {@code qdel}, {@code qsig} and
 * {@code qrls} as one main class, started by shell wrappers that {@link FakePbsServer} writes.
 * Its state lives in the directory named by {@code FAKEPBS_STATE}; nothing else is shared.
 *
 * <p>Faithful to batch-systems.md §4: {@code qsub} reads {@code #PBS} lines and options (the
 * command line wins), prints {@code <seq>.fakepbs}, and starts a detached runner ({@code run})
 * that takes the job through Q, R, E to F (C in Torque mode): it really runs the script with
 * {@code setsid bash} in a fresh environment ({@code PBS_JOBID}, {@code PBS_JOBNAME},
 * {@code PBS_O_WORKDIR}, {@code PBS_NODEFILE}, {@code TMPDIR}, ...) with a fake {@code $HOME} as
 * working directory, spools its output and copies it to {@code -o} (or {@code NAME.o<seq>} in
 * the submission directory) at the end, enforces the walltime with SIGTERM and SIGKILL after
 * {@code kill_delay}, and records {@code Exit_status} (271 when the server sent SIGTERM, 265 for
 * {@code qsig -s KILL}). {@code qstat -f} prints the OpenPBS layout exactly.
 *
 * <p>Fault knobs are files in the state directory: {@code qsub-failures} (count),
 * {@code qstat-failures} (count), {@code qstat-hang-ms}, {@code qstat-garbage} (printed instead of
 * the jobs), {@code hold-next} (count), {@code vanish-after-ms} with {@code vanish-count},
 * {@code queue-delay-ms}, {@code kill-delay-ms}, {@code torque} (Torque mode), {@code queues}
 * (extra queue names, one a line), {@code clock} (fixed epoch seconds for printed times).
 */
public final class FakePbs {

  static final String SERVER = "fakepbs";
  static final DateTimeFormatter CTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(java.time.ZoneId.systemDefault());
  /** Widest line, and widest continuation after its TAB, in qstat -f output. */
  static final int FIRST_WIDTH = 79;
  static final int CONTINUATION_WIDTH = 72;
  static final int UNKNOWN_JOB_RC = 153; // PBSE_UNKJOBID 15001 % 256
  static final int FINISHED_JOB_RC = 35; // PBSE_HISTJOBID 15139 % 256
  static final int BAD_STATE_RC = 168;   // PBSE_BADSTATE 15016 % 256

  private final Path state;
  private final PrintStream out;
  private final PrintStream err;

  FakePbs(Path state, PrintStream out, PrintStream err) {
    this.state = state;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) throws Exception {
    String dir = System.getenv("FAKEPBS_STATE");
    if (dir == null || args.length == 0) {
      System.err.println("fakepbs: FAKEPBS_STATE is not set or no command given");
      System.exit(2);
    }
    FakePbs pbs = new FakePbs(Path.of(dir), System.out, System.err);
    if (!args[0].equals("run")) {
      Files.writeString(Path.of(dir).resolve("commands.log"), System.currentTimeMillis() + " "
          + String.join(" ", args) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    List<String> rest = List.of(args).subList(1, args.length);
    int rc = switch (args[0]) {
      case "qsub" -> pbs.qsub(rest);
      case "qstat" -> pbs.qstat(rest);
      case "qdel" -> pbs.qdel(rest);
      case "qsig" -> pbs.qsig(rest);
      case "qrls" -> pbs.qrls(rest);
      case "run" -> pbs.run(rest.get(0));
      default -> {
        System.err.println("fakepbs: unknown command " + args[0]);
        yield 2;
      }
    };
    System.out.flush();
    System.exit(rc);
  }

  // ---------------------------------------------------------------- knobs and records

  Path jobs() {
    return state.resolve("jobs");
  }

  String knob(String name, String otherwise) {
    try {
      return Files.readString(state.resolve(name), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return otherwise;
    }
  }

  long knobLong(String name, long otherwise) {
    return Long.parseLong(knob(name, String.valueOf(otherwise)));
  }

  boolean torque() {
    return Files.exists(state.resolve("torque"));
  }

  /** Takes one from a count knob; true if there was one to take. */
  synchronized boolean takeOne(String name) throws IOException {
    Path file = state.resolve(name);
    Path lock = state.resolve(name + ".lock");
    try (var channel = java.nio.channels.FileChannel.open(lock, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); var ignored = channel.lock()) {
      long left = knobLong(name, 0);
      if (left <= 0) {
        return false;
      }
      write(file, String.valueOf(left - 1));
      return true;
    }
  }

  long now() {
    return System.currentTimeMillis();
  }

  String time(long millis) {
    String fixed = knob("clock", "");
    Instant at = fixed.isEmpty() ? Instant.ofEpochMilli(millis) : Instant.ofEpochSecond(Long.parseLong(fixed));
    return CTIME.format(at);
  }

  static void write(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  public static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    }
    return p;
  }

  static void store(Path file, Properties p) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try (OutputStream o = Files.newOutputStream(temporary)) {
      p.store(o, null);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The sequence number of {@code id} ({@code 7} or {@code 7.fakepbs}), or -1. */
  static long seqOf(String id) {
    Matcher m = Pattern.compile("([0-9]+)(\\." + SERVER + ")?").matcher(id);
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** A job's directory if the server knows it, else null. */
  Path jobDir(String id) {
    long seq = seqOf(id);
    if (seq < 0) {
      return null;
    }
    Path dir = jobs().resolve(String.valueOf(seq));
    return Files.exists(dir.resolve("job.properties")) && Files.exists(dir.resolve("status.properties")) ? dir : null;
  }

  // ---------------------------------------------------------------- qsub

  int qsub(List<String> args) throws IOException {
    if (takeOne("qsub-failures")) {
      err.println("Connection refused");
      err.println("qsub: cannot connect to server " + SERVER + " (errno=15010)");
      return 1;
    }
    Map<String, String> options = new LinkedHashMap<>();
    List<String> resources = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    boolean exportAll = false;
    int i = 0;
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("-") || a.equals("-")) {
        break;
      }
      String opt = a.substring(0, 2);
      if (opt.equals("-V")) {
        exportAll = true;
        continue;
      }
      if (opt.equals("-n") && torque()) {
        options.put("-n", "");
        continue;
      }
      String value = a.length() > 2 ? a.substring(2) : (i + 1 < args.size() ? args.get(++i) : null);
      if (value == null || !"NloeqAjkrmvWS".contains(opt.substring(1))) {
        return usage(opt);
      }
      switch (opt) {
        case "-l" -> resources.add(value);
        case "-v" -> variables.add(value);
        default -> options.put(opt, value);
      }
    }
    if (i < args.size() - 1) {
      err.println("qsub: script file must be the last argument");
      return 2;
    }
    byte[] script;
    String scriptName;
    if (i < args.size()) {
      Path file = Path.of(args.get(i));
      if (!Files.isReadable(file)) {
        err.println("qsub: script file:: No such file or directory");
        return 2;
      }
      script = Files.readAllBytes(file);
      scriptName = file.getFileName().toString();
    } else {
      script = System.in.readAllBytes();
      scriptName = "STDIN";
    }
    // #PBS lines before the first command; the command line wins.
    Map<String, String> directives = new LinkedHashMap<>();
    List<String> directiveResources = new ArrayList<>();
    for (String line : new String(script, StandardCharsets.UTF_8).split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || (t.startsWith("#") && !t.startsWith("#PBS"))) {
        continue;
      }
      if (!t.startsWith("#PBS")) {
        break;
      }
      String rest = t.substring(4).strip();
      if (rest.equals("-V")) {
        exportAll = true;
        continue;
      }
      if (rest.equals("-n") && torque()) {
        directives.putIfAbsent("-n", "");
        continue;
      }
      if (rest.length() < 2 || !rest.startsWith("-") || !"NloeqAjkrmvWS".contains(rest.substring(1, 2))) {
        err.println("qsub: directive error: " + t);
        return 2;
      }
      String opt = rest.substring(0, 2);
      String value = rest.substring(2).strip();
      switch (opt) {
        case "-l" -> directiveResources.add(value);
        case "-v" -> variables.add(value);
        default -> directives.putIfAbsent(opt, value);
      }
    }
    directives.forEach(options::putIfAbsent);
    List<String> allResources = new ArrayList<>(directiveResources);
    allResources.addAll(resources); // later ones win
    Map<String, String> resourceList = new TreeMap<>();
    for (String list : allResources) {
      for (String item : splitTopLevel(list)) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
          err.println("qsub: illegal -l value");
          return 2;
        }
        resourceList.put(item.substring(0, eq), item.substring(eq + 1));
      }
    }
    if (options.getOrDefault("-k", "").contains("d") && torque()) {
      err.println("qsub: illegal -k value"); // direct write is PBS Pro's, not Torque's
      return 2;
    }
    String name = options.getOrDefault("-N", scriptName);
    if (name.isEmpty() || !Character.isLetter(name.charAt(0)) || name.length() > 236
        || name.chars().anyMatch(Character::isWhitespace)) {
      err.println("qsub: illegal -N value");
      return 2;
    }
    String queue = options.getOrDefault("-q", "workq");
    List<String> queues = new ArrayList<>(List.of("workq"));
    queues.addAll(List.of(knob("queues", "").split("\\s+")));
    if (!queues.contains(queue)) {
      err.println("qsub: Unknown queue");
      return 2;
    }
    // Resources: walltime, select or nodes, mem, place.
    long walltime = -1;
    if (resourceList.containsKey("walltime")) {
      walltime = parseWalltime(resourceList.get("walltime"));
      if (walltime < 0) {
        err.println("qsub: Illegal attribute or resource value Resource_List.walltime");
        return 2;
      }
    }
    int chunks = 1;
    int ncpusPerChunk = 1;
    int mpiprocsPerChunk = 1;
    long memKb = -1;
    String select = resourceList.get("select");
    if (select != null && !torque()) {
      Matcher m = Pattern.compile("([0-9]+)((:[A-Za-z_][A-Za-z0-9_]*=[^:+]+)*)").matcher(select);
      if (!m.matches()) {
        err.println("qsub: Illegal attribute or resource value Resource_List.select");
        return 2;
      }
      chunks = Integer.parseInt(m.group(1));
      for (String kv : m.group(2).split(":")) {
        if (kv.isEmpty()) {
          continue;
        }
        String[] p = kv.split("=", 2);
        switch (p[0]) {
          case "ncpus" -> ncpusPerChunk = Integer.parseInt(p[1]);
          case "mpiprocs" -> mpiprocsPerChunk = Integer.parseInt(p[1]);
          case "mem" -> memKb = sizeKb(p[1]) * chunks;
          default -> { }
        }
      }
    } else if (resourceList.containsKey("nodes")) {
      Matcher m = Pattern.compile("([0-9]+)(:ppn=([0-9]+))?.*").matcher(resourceList.get("nodes"));
      if (!m.matches()) {
        err.println("qsub: Illegal attribute or resource value Resource_List.nodes");
        return 2;
      }
      chunks = Integer.parseInt(m.group(1));
      ncpusPerChunk = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      mpiprocsPerChunk = ncpusPerChunk;
    }
    if (resourceList.containsKey("mem")) {
      memKb = sizeKb(resourceList.get("mem"));
    }
    if (memKb == -2) {
      err.println("qsub: Illegal attribute or resource value Resource_List.mem");
      return 2;
    }
    Files.createDirectories(jobs());
    long seq;
    Path seqLock = state.resolve("seq.lock");
    try (var channel = java.nio.channels.FileChannel.open(seqLock, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); var ignored = channel.lock()) {
      seq = knobLong("seq", 0) + 1;
      write(state.resolve("seq"), String.valueOf(seq));
    }
    String id = seq + "." + SERVER;
    Path dir = jobs().resolve(String.valueOf(seq));
    Files.createDirectories(dir);
    Path scriptCopy = dir.resolve("script");
    Files.write(scriptCopy, script);
    String host = knob("host", "localhost");
    String user = System.getProperty("user.name");
    String workdir = Path.of("").toAbsolutePath().toString();
    Map<String, String> env = new LinkedHashMap<>();
    String home = System.getenv().getOrDefault("HOME", "/");
    env.put("PBS_O_HOME", home);
    env.put("PBS_O_LOGNAME", user);
    env.put("PBS_O_PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("PBS_O_SHELL", "/bin/bash");
    env.put("PBS_O_WORKDIR", workdir);
    env.put("PBS_O_HOST", host);
    env.put("PBS_O_QUEUE", queue);
    if (exportAll) {
      System.getenv().forEach(env::putIfAbsent);
    }
    for (String list : variables) {
      for (String item : splitTopLevel(list)) {
        int eq = item.indexOf('=');
        if (eq < 0) {
          env.put(item, System.getenv().getOrDefault(item, ""));
        } else {
          env.put(item.substring(0, eq), item.substring(eq + 1));
        }
      }
    }
    String join = options.getOrDefault("-j", "n");
    String output = options.containsKey("-o") ? absolute(options.get("-o"), workdir)
        : workdir + "/" + name + ".o" + seq;
    String errPath = options.containsKey("-e") ? absolute(options.get("-e"), workdir)
        : workdir + "/" + name + ".e" + seq;
    Properties job = new Properties();
    job.setProperty("id", id);
    job.setProperty("seq", String.valueOf(seq));
    job.setProperty("name", name);
    job.setProperty("owner", user + "@" + host);
    job.setProperty("host", host);
    job.setProperty("queue", queue);
    job.setProperty("account", options.getOrDefault("-A", ""));
    job.setProperty("walltime", String.valueOf(walltime));
    job.setProperty("chunks", String.valueOf(chunks));
    job.setProperty("ncpus", String.valueOf(chunks * ncpusPerChunk));
    job.setProperty("mpiprocs", String.valueOf(chunks * mpiprocsPerChunk));
    job.setProperty("memKb", String.valueOf(memKb));
    resourceList.forEach((k, v) -> job.setProperty("res." + k, v));
    job.setProperty("join", join);
    job.setProperty("keep", options.getOrDefault("-k", "n"));
    job.setProperty("rerunable", options.getOrDefault("-r", "y"));
    job.setProperty("mail", options.getOrDefault("-m", "a"));
    job.setProperty("output", output);
    job.setProperty("error", errPath);
    job.setProperty("workdir", workdir);
    job.setProperty("variables", String.join(",", env.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
    for (Map.Entry<String, String> e : env.entrySet()) {
      job.setProperty("env." + e.getKey(), e.getValue());
    }
    job.setProperty("submitArgs", String.join(" ", args));
    job.setProperty("ctime", String.valueOf(now()));
    store(dir.resolve("job.properties"), job);
    Properties status = new Properties();
    boolean held = takeOne("hold-next");
    status.setProperty("state", held ? "H" : "Q");
    status.setProperty("mtime", String.valueOf(now()));
    status.setProperty("comment", held ? "Job held by " + user + " on " + time(now()) : "");
    if (held) {
      Files.writeString(dir.resolve("hold"), "u");
    }
    store(dir.resolve("status.properties"), status);
    // The runner: detached, in its own session, outliving this qsub.
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder runner = new ProcessBuilder("setsid", java, "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xmx48m", "-cp", System.getProperty("java.class.path"),
        FakePbs.class.getName(), "run", dir.toString())
        .redirectInput(Redirect.from(new File("/dev/null")))
        .redirectOutput(Redirect.appendTo(dir.resolve("runner.log").toFile()))
        .redirectErrorStream(true);
    runner.environment().put("FAKEPBS_STATE", state.toString());
    runner.start();
    out.println(id);
    return 0;
  }

  private int usage(String opt) {
    err.println("qsub: invalid option -- '" + opt.substring(1) + "'");
    err.println("usage: qsub [-a date_time] [-A account_string] [-e path] [-j oe|eo|n] [-k keep]"
        + " [-l resource_list] [-m mail_options] [-N name] [-o path] [-q destination] [-r y|n]"
        + " [-v variable_list] [-V] [-W additional_attributes] [script | -- command [arg1 ...]]");
    return 2;
  }

  private static String absolute(String path, String workdir) {
    String p = path.contains(":") ? path.substring(path.indexOf(':') + 1) : path;
    return p.startsWith("/") ? p : workdir + "/" + p;
  }

  /** Splits {@code a=1,b=2} at commas (not inside quotes). */
  static List<String> splitTopLevel(String list) {
    List<String> items = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (char c : list.toCharArray()) {
      if (c == '"' || c == '\'') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        items.add(b.toString());
        b.setLength(0);
      } else {
        b.append(c);
      }
    }
    if (b.length() > 0) {
      items.add(b.toString());
    }
    return items;
  }

  /** {@code [[HH:]MM:]SS} or seconds; -1 if malformed. */
  static long parseWalltime(String value) {
    String[] parts = value.split(":");
    if (parts.length > 3) {
      return -1;
    }
    long seconds = 0;
    try {
      for (String part : parts) {
        seconds = seconds * 60 + Long.parseLong(part);
      }
    } catch (NumberFormatException e) {
      return -1;
    }
    return seconds;
  }

  /** {@code 4096mb}, {@code 16gb}, {@code 100kb}, bytes without unit; -2 if malformed. */
  static long sizeKb(String value) {
    Matcher m = Pattern.compile("([0-9]+)(b|kb|mb|gb|tb)?", Pattern.CASE_INSENSITIVE).matcher(value);
    if (!m.matches()) {
      return -2;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "b" -> (n + 1023) / 1024;
      case "kb" -> n;
      case "mb" -> n * 1024;
      case "gb" -> n * 1024 * 1024;
      default -> n * 1024 * 1024 * 1024;
    };
  }

  static String hms(long seconds) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  // ---------------------------------------------------------------- the runner

  int run(String jobDir) throws Exception {
    Path dir = Path.of(jobDir);
    Properties job = load(dir.resolve("job.properties"));
    long queueDelay = knobLong("queue-delay-ms", 300);
    long killDelay = knobLong("kill-delay-ms", 2000);
    long submitted = Long.parseLong(job.getProperty("ctime"));
    // Q (or H): wait for the queue delay, a release, or a qdel.
    while (true) {
      Properties status = load(dir.resolve("status.properties"));
      if (Files.exists(dir.resolve("qdel"))) {
        finish(dir, job, status, null, "Job deleted");
        return 0;
      }
      boolean held = Files.exists(dir.resolve("hold"));
      String letter = held ? "H" : "Q";
      if (!status.getProperty("state").equals(letter)) {
        status.setProperty("state", letter);
        status.setProperty("comment", held ? "Job held by " + System.getProperty("user.name")
            + " on " + time(now()) : "");
        status.setProperty("mtime", String.valueOf(now()));
        store(dir.resolve("status.properties"), status);
      }
      if (!held && now() - submitted >= queueDelay) {
        break;
      }
      Thread.sleep(50);
    }
    // R: start the script in its own session.
    String seq = job.getProperty("seq");
    Path home = state.resolve("home");
    Path tmp = dir.resolve("tmp");
    Files.createDirectories(home);
    Files.createDirectories(tmp);
    Path nodefile = dir.resolve("nodefile");
    int slots = Integer.parseInt(job.getProperty("mpiprocs"));
    Files.writeString(nodefile, "localhost\n".repeat(Math.max(1, slots)));
    String name = job.getProperty("name");
    // -k o/e keep the streams in $HOME while the job runs; with d (PBS Pro 19+), they are written
    // straight to their -o/-e destinations instead. Otherwise they are spooled and copied at the end.
    String keepFlags = job.getProperty("keep");
    boolean direct = keepFlags.contains("d");
    boolean keep = keepFlags.contains("o") || direct;
    Path spoolOut = direct ? Path.of(job.getProperty("output"))
        : keep ? home.resolve(name + ".o" + seq) : dir.resolve("spool.out");
    Path spoolErr = job.getProperty("join").equals("oe") ? spoolOut
        : direct ? Path.of(job.getProperty("error"))
        : keep ? home.resolve(name + ".e" + seq) : dir.resolve("spool.err");
    Files.createDirectories(spoolOut.getParent());
    Files.createDirectories(spoolErr.getParent());
    Files.write(spoolOut, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Files.write(spoolErr, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    ProcessBuilder builder = new ProcessBuilder("setsid", "/bin/bash", dir.resolve("script").toString())
        .directory(home.toFile())
        .redirectInput(Redirect.from(new File("/dev/null")))
        .redirectOutput(Redirect.appendTo(spoolOut.toFile()));
    builder.redirectError(spoolErr.equals(spoolOut) ? Redirect.appendTo(spoolOut.toFile())
        : Redirect.appendTo(spoolErr.toFile()));
    Map<String, String> env = builder.environment();
    env.clear();
    for (String key : job.stringPropertyNames()) {
      if (key.startsWith("env.")) {
        env.put(key.substring(4), job.getProperty(key));
      }
    }
    env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("HOME", home.toString());
    env.put("USER", System.getProperty("user.name"));
    env.put("LOGNAME", System.getProperty("user.name"));
    env.put("SHELL", "/bin/bash");
    env.put("PBS_JOBID", job.getProperty("id"));
    env.put("PBS_JOBNAME", name);
    env.put("PBS_QUEUE", job.getProperty("queue"));
    env.put("PBS_NODEFILE", nodefile.toString());
    env.put("PBS_ENVIRONMENT", "PBS_BATCH");
    env.put("PBS_JOBDIR", home.toString());
    env.put("TMPDIR", tmp.toString());
    env.put("NCPUS", job.getProperty("ncpus"));
    env.put("OMP_NUM_THREADS", job.getProperty("ncpus"));
    Process process = builder.start();
    long pid = process.pid();
    long started = now();
    Properties status = load(dir.resolve("status.properties"));
    status.setProperty("state", "R");
    status.setProperty("stime", String.valueOf(started));
    status.setProperty("session", String.valueOf(pid));
    status.setProperty("mtime", String.valueOf(started));
    status.setProperty("comment", "Job run at " + time(started) + " on (localhost:ncpus="
        + job.getProperty("ncpus") + ")");
    store(dir.resolve("status.properties"), status);
    long walltime = Long.parseLong(job.getProperty("walltime"));
    long vanishAfter = knobLong("vanish-after-ms", -1);
    long killAt = Long.MAX_VALUE;
    String killedBy = null;
    while (process.isAlive()) {
      long t = now();
      if (vanishAfter >= 0 && t - started >= vanishAfter && takeOne("vanish-count")) {
        signal(pid, "KILL");
        process.waitFor();
        deleteTree(dir); // gone without a trace, as if the server lost it
        return 0;
      }
      if (killedBy == null && Files.exists(dir.resolve("qdel"))) {
        killedBy = "qdel";
        signal(pid, "TERM");
        killAt = t + killDelay;
      }
      if (killedBy == null && walltime >= 0 && t - started >= walltime * 1000) {
        killedBy = "walltime";
        Files.writeString(spoolErr, String.format(Locale.ROOT, "=>> PBS: job killed: walltime %d"
            + " exceeded limit %d%n", (t - started) / 1000, walltime), StandardOpenOption.APPEND);
        signal(pid, "TERM");
        killAt = t + killDelay;
      }
      if (!"qsig".equals(killedBy) && Files.exists(dir.resolve("qsig-KILL"))) {
        killedBy = "qsig";
        signal(pid, "KILL");
      }
      if (t >= killAt) {
        signal(pid, "KILL");
        killAt = Long.MAX_VALUE;
      }
      Thread.sleep(50);
    }
    int code = process.waitFor();
    signal(pid, "KILL"); // the session's leftovers end with the job, as under a real MOM
    long ended = now();
    // E: exiting, output being delivered.
    status = load(dir.resolve("status.properties"));
    status.setProperty("state", "E");
    status.setProperty("end", String.valueOf(ended));
    status.setProperty("mtime", String.valueOf(ended));
    store(dir.resolve("status.properties"), status);
    Thread.sleep(knobLong("exiting-ms", 200));
    if (!keep) {
      deliver(spoolOut, Path.of(job.getProperty("output")));
      if (!spoolErr.equals(spoolOut)) {
        deliver(spoolErr, Path.of(job.getProperty("error")));
      }
    }
    int exit = killedBy == null ? code : killedBy.equals("qsig") ? 256 + 9 : 256 + 15;
    finish(dir, job, status, exit, null);
    return 0;
  }

  private void finish(Path dir, Properties job, Properties status, Integer exit, String comment)
      throws IOException {
    status.setProperty("state", torque() ? "C" : "F");
    if (exit != null) {
      status.setProperty("exit", String.valueOf(exit));
    }
    if (comment != null) {
      status.setProperty("comment", comment);
    } else {
      status.setProperty("comment", status.getProperty("comment", "") + " and finished");
    }
    status.setProperty("mtime", String.valueOf(now()));
    status.setProperty("finished", String.valueOf(now()));
    store(dir.resolve("status.properties"), status);
  }

  private static void deliver(Path spool, Path destination) throws IOException {
    try {
      Files.createDirectories(destination.getParent());
      Files.copy(spool, destination, StandardCopyOption.REPLACE_EXISTING); // PBS copies; it never appends
    } catch (IOException e) {
      // a real MOM mails the user and keeps the file in undelivered/; the fake keeps the spool
    }
  }

  public static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-s", signal, "--", "-" + pid)
          .redirectErrorStream(true).redirectOutput(Redirect.DISCARD).start().waitFor();
    } catch (IOException | InterruptedException e) {
      // nothing to signal
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException e) {
      // already gone
    }
  }

  // ---------------------------------------------------------------- qstat

  int qstat(List<String> args) throws Exception {
    boolean full = false;
    boolean history = false;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-f" -> full = true;
        case "-x" -> {
          if (torque()) {
            err.println("qstat: invalid option -- 'x'");
            return 2;
          }
          history = true;
        }
        default -> {
          if (a.startsWith("-")) {
            err.println("qstat: invalid option -- '" + a.substring(1) + "'");
            return 2;
          }
          ids.add(a);
        }
      }
    }
    long hang = knobLong("qstat-hang-ms", 0);
    if (hang > 0) {
      Thread.sleep(hang);
    }
    if (takeOne("qstat-failures")) {
      err.println("Connection refused");
      err.println("qstat: cannot connect to server " + SERVER + " (errno=15010)");
      return 2;
    }
    String garbage = knob("qstat-garbage", null);
    if (garbage != null) {
      out.print(garbage + "\n");
      return 0;
    }
    if (!full) {
      err.println("fakepbs: only qstat -f is implemented");
      return 2;
    }
    List<String> selected = new ArrayList<>();
    int rc = 0;
    if (ids.isEmpty()) {
      if (Files.isDirectory(jobs())) {
        try (Stream<Path> dirs = Files.list(jobs())) {
          dirs.map(p -> p.getFileName().toString()).filter(s -> s.matches("[0-9]+"))
              .sorted(Comparator.comparingLong(Long::parseLong)).forEach(selected::add);
        }
      }
    } else {
      selected.addAll(ids);
    }
    StringBuilder text = new StringBuilder();
    for (String id : selected) {
      Path dir = jobDir(id);
      Properties job = dir == null ? null : loadQuietly(dir.resolve("job.properties"));
      Properties status = dir == null ? null : loadQuietly(dir.resolve("status.properties"));
      if (job == null || status == null) {
        if (!ids.isEmpty()) {
          err.println("qstat: Unknown Job Id " + id);
          rc = UNKNOWN_JOB_RC;
        }
        continue;
      }
      String letter = status.getProperty("state");
      if (letter.equals("F") && !history) {
        if (!ids.isEmpty()) {
          err.println("qstat: " + job.getProperty("id") + " Job has finished, use -x or -H to"
              + " obtain historical job information");
          rc = FINISHED_JOB_RC;
        }
        continue;
      }
      text.append(block(job.getProperty("id"), attributes(job, status)));
    }
    out.print(text);
    return rc;
  }

  private static Properties loadQuietly(Path file) {
    try {
      return load(file);
    } catch (IOException e) {
      return null;
    }
  }

  /** The attributes of one job, in the order OpenPBS prints them. */
  Map<String, String> attributes(Properties job, Properties status) {
    Map<String, String> a = new LinkedHashMap<>();
    String letter = status.getProperty("state");
    boolean started = status.getProperty("stime") != null;
    boolean ended = status.getProperty("end") != null;
    a.put("Job_Name", job.getProperty("name"));
    a.put("Job_Owner", job.getProperty("owner"));
    if (started) {
      long end = ended ? Long.parseLong(status.getProperty("end")) : now();
      long used = (end - Long.parseLong(status.getProperty("stime"))) / 1000;
      a.put("resources_used.cpupercent", "0");
      a.put("resources_used.cput", "00:00:00");
      a.put("resources_used.mem", "0kb");
      a.put("resources_used.ncpus", job.getProperty("ncpus"));
      a.put("resources_used.vmem", "0kb");
      a.put("resources_used.walltime", hms(used));
    }
    a.put("job_state", letter);
    a.put("queue", job.getProperty("queue"));
    a.put("server", SERVER);
    if (!job.getProperty("account").isEmpty()) {
      a.put("Account_Name", job.getProperty("account"));
    }
    a.put("Checkpoint", "u");
    a.put("ctime", time(Long.parseLong(job.getProperty("ctime"))));
    a.put("Error_Path", job.getProperty("host") + ":" + job.getProperty("error"));
    if (started) {
      a.put("exec_host", "localhost/0*" + job.getProperty("ncpus"));
      a.put("exec_vnode", "(localhost:ncpus=" + job.getProperty("ncpus") + ")");
    }
    a.put("Hold_Types", letter.equals("H") ? "u" : "n");
    a.put("Join_Path", job.getProperty("join"));
    a.put("Keep_Files", job.getProperty("keep"));
    a.put("Mail_Points", job.getProperty("mail"));
    a.put("mtime", time(Long.parseLong(status.getProperty("mtime"))));
    a.put("Output_Path", job.getProperty("host") + ":" + job.getProperty("output"));
    a.put("Priority", "0");
    a.put("qtime", time(Long.parseLong(job.getProperty("ctime"))));
    a.put("Rerunable", job.getProperty("rerunable").equals("n") ? "False" : "True");
    long memKb = Long.parseLong(job.getProperty("memKb"));
    if (memKb >= 0) {
      a.put("Resource_List.mem", memKb + "kb");
    }
    a.put("Resource_List.ncpus", job.getProperty("ncpus"));
    a.put("Resource_List.nodect", job.getProperty("chunks"));
    for (String key : new TreeMap<>(propertiesWith(job, "res.")).keySet()) {
      if (!key.equals("walltime") && !key.equals("mem")) {
        a.put("Resource_List." + key, job.getProperty("res." + key));
      }
    }
    long walltime = Long.parseLong(job.getProperty("walltime"));
    if (walltime >= 0) {
      a.put("Resource_List.walltime", hms(walltime));
    }
    if (started) {
      a.put("stime", time(Long.parseLong(status.getProperty("stime"))));
      a.put("session_id", status.getProperty("session"));
      a.put("jobdir", state.resolve("home").toString());
    }
    a.put("Variable_List", job.getProperty("variables"));
    if (!status.getProperty("comment", "").isEmpty()) {
      a.put("comment", status.getProperty("comment"));
    }
    a.put("etime", time(Long.parseLong(job.getProperty("ctime"))));
    if (started) {
      a.put("run_count", "1");
    }
    if (status.getProperty("exit") != null) {
      a.put(torque() ? "exit_status" : "Exit_status", status.getProperty("exit"));
    }
    a.put("Submit_arguments", job.getProperty("submitArgs"));
    if (status.getProperty("finished") != null && !torque()) {
      a.put("history_timestamp", String.valueOf(Long.parseLong(status.getProperty("finished")) / 1000));
    }
    return a;
  }

  private static Map<String, String> propertiesWith(Properties p, String prefix) {
    Map<String, String> m = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(prefix)) {
        m.put(key.substring(prefix.length()), p.getProperty(key));
      }
    }
    return m;
  }

  /**
   * One job block in the OpenPBS layout: {@code Job Id: <id>}, 4-space-indented
   * {@code name = value} lines cut at {@value #FIRST_WIDTH} characters, the rest on continuation
   * lines of a TAB and at most {@value #CONTINUATION_WIDTH} characters, and a blank line.
   */
  public static String block(String id, Map<String, String> attributes) {
    StringBuilder b = new StringBuilder("Job Id: ").append(id).append('\n');
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String line = "    " + e.getKey() + " = " + e.getValue();
      if (line.length() <= FIRST_WIDTH) {
        b.append(line).append('\n');
        continue;
      }
      b.append(line, 0, FIRST_WIDTH).append('\n');
      String rest = line.substring(FIRST_WIDTH);
      while (!rest.isEmpty()) {
        int n = Math.min(CONTINUATION_WIDTH, rest.length());
        b.append('\t').append(rest, 0, n).append('\n');
        rest = rest.substring(n);
      }
    }
    return b.append('\n').toString();
  }

  // ---------------------------------------------------------------- qdel, qsig, qrls

  int qdel(List<String> ids) throws IOException {
    int rc = 0;
    for (String id : ids) {
      if (id.startsWith("-")) {
        continue; // -W force and the like: the fake has no stuck nodes
      }
      Path dir = jobDir(id);
      Properties status = dir == null ? null : loadQuietly(dir.resolve("status.properties"));
      if (status == null) {
        err.println("qdel: Unknown Job Id " + id);
        rc = UNKNOWN_JOB_RC;
        continue;
      }
      String letter = status.getProperty("state");
      if (letter.equals("F") || letter.equals("C")) {
        err.println("qdel: Job has finished " + id);
        rc = FINISHED_JOB_RC;
        continue;
      }
      if (letter.equals("E")) {
        err.println("qdel: Request invalid for state of job " + id);
        rc = BAD_STATE_RC;
        continue;
      }
      Files.writeString(dir.resolve("qdel"), "");
    }
    return rc;
  }

  int qsig(List<String> args) throws IOException {
    int rc = 0;
    String signal = "TERM";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("-s")) {
        signal = args.get(++i).replaceFirst("^SIG", "");
      } else {
        ids.add(args.get(i));
      }
    }
    for (String id : ids) {
      Path dir = jobDir(id);
      Properties status = dir == null ? null : loadQuietly(dir.resolve("status.properties"));
      if (status == null) {
        err.println("qsig: Unknown Job Id " + id);
        rc = UNKNOWN_JOB_RC;
      } else if (!status.getProperty("state").equals("R")) {
        err.println("qsig: Request invalid for state of job " + id);
        rc = BAD_STATE_RC;
      } else if (signal.equals("KILL")) {
        Files.writeString(dir.resolve("qsig-KILL"), "");
      } else {
        signal(Long.parseLong(status.getProperty("session")), signal);
      }
    }
    return rc;
  }

  int qrls(List<String> ids) throws IOException {
    int rc = 0;
    for (String id : ids) {
      Path dir = jobDir(id);
      if (dir == null) {
        err.println("qrls: Unknown Job Id " + id);
        rc = UNKNOWN_JOB_RC;
      } else {
        Files.deleteIfExists(dir.resolve("hold"));
      }
    }
    return rc;
  }
}
