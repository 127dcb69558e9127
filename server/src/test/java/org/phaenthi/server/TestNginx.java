package org.phaenthi.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * nginx for a test, on a free loopback port, with a config and prefix of its own in a temp dir:
 * this class writes what every test nginx needs (in the foreground, one worker, pid, error log and
 * temp paths inside the prefix, no access log, {@code user root} when the tests run as root) and
 * the test the rest of the {@code http} block (a static root, a caching proxy); {@link #start}
 * returns once nginx listens, {@link #close} stops it.
 */
public final class TestNginx implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/sbin/nginx");
  private final Process process;
  private final int port;

  private TestNginx(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Whether nginx is installed (tests that need it skip themselves otherwise). */
  public static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /**
   * Starts nginx in {@code prefix}.
   *
   * @param workerConnections {@code events { worker_connections }}
   * @param http the test's part of the {@code http} block, given the port to listen on
   */
  public static TestNginx start(Path prefix, int workerConnections, IntFunction<String> http)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Files.createDirectories(prefix.resolve("tmp"));
    boolean root = "root".equals(System.getProperty("user.name"));
    String conf =
        (root ? "user root root;\n" : "")
            + "daemon off;\nworker_processes 1;\npid "
            + prefix.resolve("nginx.pid")
            + ";\nerror_log "
            + prefix.resolve("error.log")
            + " warn;\nevents { worker_connections "
            + workerConnections
            + "; }\nhttp {\n  access_log off;\n"
            + "  client_body_temp_path "
            + prefix.resolve("tmp/body")
            + ";\n  proxy_temp_path "
            + prefix.resolve("tmp/proxy")
            + ";\n  fastcgi_temp_path "
            + prefix.resolve("tmp/fcgi")
            + ";\n  uwsgi_temp_path "
            + prefix.resolve("tmp/uwsgi")
            + ";\n  scgi_temp_path "
            + prefix.resolve("tmp/scgi")
            + ";\n"
            + http.apply(port)
            + "}\n";
    Path file = prefix.resolve("nginx.conf");
    Files.writeString(file, conf);
    Process p =
        new ProcessBuilder(
                BINARY.toString(),
                "-p",
                prefix.toString(),
                "-c",
                file.toString(),
                "-e",
                prefix.resolve("error.log").toString())
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("stdout.log").toFile())
            .start();
    TestNginx n = new TestNginx(p, port);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "nginx exited: " + Files.readString(prefix.resolve("stdout.log")));
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return n;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    n.close();
    throw new IllegalStateException("nginx did not start listening on " + port);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
