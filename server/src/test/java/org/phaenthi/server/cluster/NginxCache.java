package org.phaenthi.server.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * nginx as a caching reverse proxy on loopback, with its own config and prefix in a temp dir: the
 * upstream is every node, {@code proxy_cache_revalidate on}, and responses without a {@code
 * Cache-Control} are kept {@code fallbackSeconds}. {@code X-Cache-Status} tells HIT, MISS,
 * REVALIDATED, EXPIRED.
 */
final class NginxCache implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/nginx");
  private final Process process;
  private final int port;

  private NginxCache(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static NginxCache start(Path prefix, List<Integer> upstreamPorts, int fallbackSeconds)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Files.createDirectories(prefix.resolve("cache"));
    Files.createDirectories(prefix.resolve("tmp"));
    String servers =
        upstreamPorts.stream()
            .map(p -> "    server 127.0.0.1:" + p + ";")
            .collect(Collectors.joining("\n"));
    boolean root = "root".equals(System.getProperty("user.name"));
    String conf =
        (root ? "user root root;\n" : "")
            + "daemon off;\nworker_processes 1;\npid "
            + prefix.resolve("nginx.pid")
            + ";\nerror_log "
            + prefix.resolve("error.log")
            + " warn;\nevents { worker_connections 256; }\nhttp {\n  access_log off;\n"
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
            + ";\n  proxy_cache_path "
            + prefix.resolve("cache")
            + " levels=1:2 keys_zone=phaenthi:10m max_size=100m inactive=10m use_temp_path=off;\n"
            + "  upstream phaenthi {\n"
            + servers
            + "\n    keepalive 8;\n  }\n  server {\n    listen 127.0.0.1:"
            + port
            + ";\n    location /admin/ { return 403; }\n    location / {\n"
            + "      proxy_pass http://phaenthi;\n      proxy_http_version 1.1;\n"
            + "      proxy_set_header Connection \"\";\n      proxy_cache phaenthi;\n"
            + "      proxy_cache_revalidate on;\n      proxy_cache_lock on;\n"
            + "      proxy_cache_valid 200 204 "
            + fallbackSeconds
            + "s;\n      add_header X-Cache-Status $upstream_cache_status always;\n"
            + "    }\n  }\n}\n";
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
    NginxCache n = new NginxCache(p, port);
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

  int port() {
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
