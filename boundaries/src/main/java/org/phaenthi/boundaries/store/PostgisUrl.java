package org.phaenthi.boundaries.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a PostGIS store lives, split so the password never travels in a string that may be logged:
 * {@code jdbcUrl} and {@link #redacted()} hold no credentials.
 *
 * @param jdbcUrl a {@code jdbc:postgresql://host:port/db[?params]} URL without user and password
 * @param user null when the driver's default applies
 * @param password null when none was given
 */
public record PostgisUrl(String jdbcUrl, String user, String password) {

  /**
   * Parses {@code postgresql://user:pass@host:port/db?params} (also {@code postgres://}) or a
   * {@code jdbc:postgresql:} URL whose {@code user}/{@code password} parameters are moved out.
   */
  public static PostgisUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("empty PostgreSQL URL");
    }
    String u = url.trim();
    if (u.startsWith("jdbc:postgresql:")) {
      return fromJdbc(u);
    }
    if (!u.startsWith("postgresql://") && !u.startsWith("postgres://")) {
      throw new IllegalArgumentException(
          "not a PostgreSQL URL (postgresql://user:pass@host:port/db or jdbc:postgresql:...): "
              + redact(u));
    }
    URI uri;
    try {
      uri = new URI(u);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed PostgreSQL URL " + redact(u), e);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("PostgreSQL URL " + redact(u) + " has no host");
    }
    String user = null;
    String password = null;
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
    }
    String db =
        uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/postgres" : uri.getRawPath();
    String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    String jdbc = "jdbc:postgresql://" + hostPort + db;
    PostgisUrl base = fromJdbc(jdbc + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    return new PostgisUrl(
        base.jdbcUrl(),
        user != null ? user : base.user(),
        password != null ? password : base.password());
  }

  private static PostgisUrl fromJdbc(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return new PostgisUrl(url, null, null);
    }
    String user = null;
    String password = null;
    List<String> kept = new ArrayList<>();
    for (String param : url.substring(q + 1).split("&")) {
      if (param.startsWith("user=")) {
        user = decode(param.substring(5));
      } else if (param.startsWith("password=")) {
        password = decode(param.substring(9));
      } else if (!param.isEmpty()) {
        kept.add(param);
      }
    }
    String base = url.substring(0, q);
    return new PostgisUrl(
        kept.isEmpty() ? base : base + "?" + String.join("&", kept), user, password);
  }

  /** For logs and {@code /health}: the URL with the user but never the password. */
  public String redacted() {
    return "postgresql://"
        + (user == null ? "" : user + "@")
        + jdbcUrl.replaceFirst("^jdbc:postgresql:(//)?", "");
  }

  @Override
  public String toString() {
    return redacted();
  }

  /** Masks a password in any URL form, for error messages about URLs that did not parse. */
  public static String redact(String url) {
    return url.replaceAll("://([^:/@]+):[^@]*@", "://$1:***@")
        .replaceAll("password=[^&]*", "password=***");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
