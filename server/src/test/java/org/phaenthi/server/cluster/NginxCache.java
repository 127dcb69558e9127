package org.phaenthi.server.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.phaenthi.server.TestNginx;

/**
 * nginx as a caching reverse proxy on loopback ({@link TestNginx}: its own config and prefix in a
 * temp dir): the upstream is every node, {@code proxy_cache_revalidate on}, and responses without a
 * {@code Cache-Control} are kept {@code fallbackSeconds}. {@code X-Cache-Status} tells HIT, MISS,
 * REVALIDATED, EXPIRED.
 */
final class NginxCache implements AutoCloseable {
  static final Path BINARY = TestNginx.BINARY;
  private final TestNginx nginx;

  private NginxCache(TestNginx nginx) {
    this.nginx = nginx;
  }

  static NginxCache start(Path prefix, List<Integer> upstreamPorts, int fallbackSeconds)
      throws IOException, InterruptedException {
    Files.createDirectories(prefix.resolve("cache"));
    String servers =
        upstreamPorts.stream()
            .map(p -> "    server 127.0.0.1:" + p + ";")
            .collect(Collectors.joining("\n"));
    return new NginxCache(
        TestNginx.start(
            prefix,
            256,
            port ->
                "  proxy_cache_path "
                    + prefix.resolve("cache")
                    + " levels=1:2 keys_zone=phaenthi:10m max_size=100m inactive=10m"
                    + " use_temp_path=off;\n"
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
                    + "    }\n  }\n"));
  }

  int port() {
    return nginx.port();
  }

  @Override
  public void close() {
    nginx.close();
  }
}
