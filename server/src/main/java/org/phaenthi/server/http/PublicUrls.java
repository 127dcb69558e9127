package org.phaenthi.server.http;

import io.javalin.config.Key;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The base of every absolute link the server writes (OGC API links, TileJSON {@code tiles}). With
 * {@code --public-url} it is that URL, whatever the request says, so a cached page can only ever
 * point at the configured site. Without it, the request's scheme and host as Jetty resolved them:
 * the {@code Host} header, or a trusted proxy's {@code Forwarded}/{@code X-Forwarded-*} (checked
 * and validated by {@link TrustedProxies}); such a response then says {@code Vary} on those
 * headers, so a shared cache never hands one proxy's links to another.
 */
public final class PublicUrls {
  /** Where {@link org.phaenthi.server.PhaenthiServer} puts the instance for the handlers. */
  public static final Key<PublicUrls> KEY = new Key<>("phaenthi.public-urls");

  private static final String[] FORWARDED = {
    "Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port"
  };

  private final String configured;
  private final boolean proxied;

  /**
   * @param configured {@code --public-url} without a trailing slash, or null
   * @param proxied whether trusted proxies are configured (the links may then follow their headers)
   */
  public PublicUrls(String configured, boolean proxied) {
    this.configured = configured;
    this.proxied = proxied;
  }

  /** {@code scheme://host[:port][/prefix]} for links in this response. */
  public String base(Context ctx) {
    if (configured != null) {
      return configured;
    }
    if (proxied) {
      for (String h : FORWARDED) {
        Vary.add(ctx, h);
      }
    }
    HttpServletRequest r = ctx.req();
    String scheme = r.getScheme();
    String host = r.getServerName();
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]"; // IPv6 literal
    }
    int port = r.getServerPort();
    boolean defaultPort =
        port <= 0
            || ("http".equals(scheme) && port == 80)
            || ("https".equals(scheme) && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }

  /** The base URL for this request, from the instance registered with the app. */
  public static String of(Context ctx) {
    return ctx.appData(KEY).base(ctx);
  }
}
