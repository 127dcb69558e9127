package org.phaenthi.server.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Config;

/**
 * Who may read {@code /metrics}: with {@code --metrics-port}, only requests on that port (which
 * serves nothing else); otherwise loopback clients on the main port. A {@code --metrics-token}
 * bearer may read it on the main port from anywhere. Everyone else gets the same 404 as for an
 * unknown path, so the endpoint is not advertised.
 */
public final class MetricsGate {
  private final Config.Metrics config;
  private volatile int metricsPort = -1;

  public MetricsGate(Config.Metrics config) {
    this.config = config;
  }

  /** The bound port of the metrics connector, once started. */
  public void metricsPort(int port) {
    this.metricsPort = port;
  }

  public boolean separatePort() {
    return config.port() > 0;
  }

  /** Whether this request arrived on the metrics port. */
  public boolean onMetricsPort(Context ctx) {
    return separatePort() && ctx.req().getLocalPort() == metricsPort;
  }

  /** Throws the 404 of an unknown path unless this request may read the metrics. */
  public void check(Context ctx) {
    if (onMetricsPort(ctx) || bearer(ctx) || (!separatePort() && loopback(ctx))) {
      return;
    }
    throw ApiException.notFound("no such endpoint: " + ctx.path() + "; see the README for routes");
  }

  private boolean bearer(Context ctx) {
    String auth = ctx.header("Authorization");
    if (config.token() == null || auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(
        auth.substring(7).trim().getBytes(StandardCharsets.UTF_8),
        config.token().getBytes(StandardCharsets.UTF_8));
  }

  /** The client (a trusted proxy's forwarded client, when there is one) is this machine. */
  private static boolean loopback(Context ctx) {
    try {
      return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
