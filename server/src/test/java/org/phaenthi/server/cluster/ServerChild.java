package org.phaenthi.server.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.phaenthi.server.DataBootstrap;
import org.phaenthi.server.Main;
import org.phaenthi.server.admin.AdminCli;

/**
 * The real server ({@link Main}) in a child JVM on a store (a directory or a {@code postgresql://}
 * URL) and a {@link ClusterTestData} data directory, for tests that kill it with SIGKILL ({@link
 * #kill}, {@code Process.destroyForcibly}: no shutdown hook runs, nothing is flushed). It listens
 * on a port the system chooses ({@code --port 0}), read from its start-up line; its output is kept
 * as lines so a test can wait for one (e.g. a {@code TestPause} line). Also the admin API's HTTP
 * calls and a token made with the command-line code path ({@link AdminCli}).
 */
final class ServerChild extends AdminHttp implements AutoCloseable {
  private static final Pattern SERVING =
      Pattern.compile("Phaenthi serving publication \\d+ .* at http://localhost:(\\d+)/");

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
  private final int port;

  private ServerChild(Process process, long startTimeoutMs) throws Exception {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  all.add(l);
                  lines.add(l);
                }
              } catch (java.io.IOException e) {
                // the child died: nothing more to read
              }
            },
            "child-output");
    reader.setDaemon(true);
    reader.start();
    Matcher m = SERVING.matcher(await("Phaenthi serving publication", startTimeoutMs));
    if (!m.find()) {
      throw new AssertionError("no port in the start-up line");
    }
    this.port = Integer.parseInt(m.group(1));
  }

  /**
   * Starts {@code Main} with {@code --store store} over {@code data}; {@code jvmProps} are {@code
   * -D} options (e.g. the test pause). Returns once it serves.
   */
  static ServerChild start(String store, Path data, List<String> jvmProps, String... options)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1"));
    cmd.addAll(jvmProps);
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--port",
            "0",
            "--host",
            "127.0.0.1",
            "--store",
            store,
            "--data",
            data.toString(),
            "--boundaries",
            ClusterTestData.boundariesOption(data),
            "--tile-cache-mb",
            "16"));
    cmd.addAll(List.of(options));
    return new ServerChild(new ProcessBuilder(cmd).redirectErrorStream(true).start(), 90_000);
  }

  @Override
  int port() {
    return port;
  }

  /** Waits for an output line containing {@code text}; returns it. */
  String await(String text, long timeoutMs) throws Exception {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (System.nanoTime() < deadline) {
      String l = lines.poll(100, TimeUnit.MILLISECONDS);
      if (l != null && l.contains(text)) {
        return l;
      }
      if (l == null && !process.isAlive() && lines.isEmpty()) {
        throw new AssertionError(
            "the child ended (exit " + process.exitValue() + ") before '" + text + "':\n" + tail());
      }
    }
    throw new AssertionError("no '" + text + "' within " + timeoutMs + " ms:\n" + tail());
  }

  /** The last lines the child wrote, for a failure message. */
  String tail() {
    synchronized (all) {
      return String.join("\n", all.subList(Math.max(0, all.size() - 400), all.size()));
    }
  }

  /** SIGKILL, and waits for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Asks the JVM for a thread dump (SIGQUIT: it prints one and goes on), for a failure's log. */
  void threadDump() {
    try {
      new ProcessBuilder("kill", "-3", Long.toString(process.pid())).start().waitFor();
      Thread.sleep(1_000);
    } catch (java.io.IOException | InterruptedException e) {
      // no dump: the tail still shows what the child said
    }
  }

  /** SIGTERM (the shutdown hook runs), and waits up to 30 s for the process to end. */
  void terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the child did not stop within 30 s of SIGTERM:\n" + tail());
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  /** A token made by {@code admin token create --name NAME --scope SCOPE --store STORE}. */
  static String token(String store, String name, String scope) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        AdminCli.run(
            new String[] {"token", "create", "--name", name, "--scope", scope, "--store", store},
            Map.of(),
            DataBootstrap::openAdminRecords,
            new PrintWriter(out),
            new PrintWriter(err));
    if (code != 0) {
      throw new AssertionError("token create: exit " + code + ": " + err);
    }
    return out.toString().trim();
  }
}
