package org.phaenthi.server;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The server's immutable configuration, made of small records and read once in {@link Main}.
 * Precedence: command-line option, then {@code PHAENTHI_*} environment variable, then the config
 * file ({@code --config}, Java properties), then the default. Every key is listed in {@link #KEYS}
 * with its default and meaning; an unknown key stops start-up.
 */
public record Config(
    Server server,
    Data data,
    StoreSettings store,
    Tiles tiles,
    Web web,
    boolean importOnly,
    Admin admin,
    Http http,
    Metrics metrics,
    Exports exports,
    Imports imports) {

  /**
   * @param uploadLimitMb the largest upload {@code POST /admin/api/imports} takes (413 beyond)
   * @param maxDropPercent an import with more than this percentage fewer areas, or areas with
   *     values in a year, than the publication served is refused; 100 = not checked
   * @param staleSeconds an import job whose node has not written it for this long is shown as
   *     failed (interrupted): its node died or was killed
   */
  public record Imports(int uploadLimitMb, int maxDropPercent, int staleSeconds) {
    public double maxDropFraction() {
      return maxDropPercent / 100.0;
    }
  }

  /**
   * @param selectors Jetty selector threads, which also answer cached tiles; 0 = one per CPU core
   */
  public record Server(String host, int port, int selectors) {
    /** The selector count to use: the configured one, or one per available CPU core. */
    public int selectorThreads() {
      return selectors > 0 ? selectors : Runtime.getRuntime().availableProcessors();
    }
  }

  /**
   * @param boundaryFiles user-supplied boundary files (GeoJSON or GeoPackage); empty = bundled
   */
  public record Data(Path dir, List<Path> boundaryFiles, String boundaryMapping) {
    public Data {
      boundaryFiles = List.copyOf(boundaryFiles);
    }
  }

  /**
   * @param location a directory (the embedded file store) or a postgresql:// / jdbc:postgresql: URL
   */
  public record StoreSettings(String location) {
    public boolean isPostgres() {
      return location.startsWith("postgresql://")
          || location.startsWith("postgres://")
          || location.startsWith("jdbc:postgresql:");
    }
  }

  /**
   * @param cacheMaxBytes bound of the tile cache, in gzip bytes
   * @param identityCacheMaxBytes bound of the second tier of uncompressed tiles (for clients
   *     without gzip), in raw bytes; 0 = none
   * @param pyramidMaxZoom geometry tiles up to this zoom are rendered once per boundary set, kept
   *     in the store beside it and loaded at start; -1 = none
   * @param warmupMillis at start, once the port is open and the bands are decoded, tiles above the
   *     pyramid are rendered and thrown away for at most this long, so the first requests do not
   *     pay the JIT; 0 = none
   */
  public record Tiles(
      int extentPixels,
      int bufferPixels,
      long cacheMaxBytes,
      long identityCacheMaxBytes,
      String cacheControl,
      int pyramidMaxZoom,
      int warmupMillis) {}

  /**
   * @param accessLog one line per request, written in batches; off behind a proxy that logs
   */
  public record Web(String baseMapUrl, String corsOrigins, boolean accessLog) {}

  /**
   * @param token the bootstrap admin token (scope {@code all}) next to the store's tokens; null =
   *     none (admin is then on only when the store holds a token)
   */
  public record Admin(String token) {
    public boolean enabled() {
      return token != null;
    }

    @Override
    public String toString() {
      return "Admin[token=" + (token == null ? "none" : "***") + "]";
    }
  }

  /**
   * The HTTP front: public URLs, trusted proxies, frame ancestors of {@code /embed} and the bounds
   * put on slow or greedy clients.
   *
   * @param publicUrl the base of every absolute link ({@code https://map.example.org}, maybe with a
   *     path prefix, no trailing slash); null = from the request (Host, or a trusted proxy's {@code
   *     X-Forwarded-*})
   * @param trustedProxies IP addresses or CIDR ranges whose {@code Forwarded}/{@code X-Forwarded-*}
   *     headers are honoured; empty = never
   * @param embedAncestors CSP {@code frame-ancestors} sources allowed to frame {@code /embed}
   * @param headerTimeoutSeconds a request's header must arrive whole within this time
   * @param writeTimeoutSeconds each write of a response must complete within this time
   * @param maxConnectionsPerClient open connections per client address (0 = unbounded); trusted
   *     proxies are not counted
   */
  public record Http(
      String publicUrl,
      List<String> trustedProxies,
      List<String> embedAncestors,
      int headerTimeoutSeconds,
      int writeTimeoutSeconds,
      int maxConnectionsPerClient) {
    public Http {
      trustedProxies = List.copyOf(trustedProxies);
      embedAncestors = List.copyOf(embedAncestors);
    }
  }

  /**
   * Who may read {@code /metrics}.
   *
   * @param port a separate port that serves only {@code /metrics} (0 = none: then the main port
   *     serves it, to loopback clients or bearers of the token)
   * @param host the address of the metrics port
   * @param token when set, {@code Authorization: Bearer <token>} opens {@code /metrics} on the main
   *     port to any client
   */
  public record Metrics(int port, String host, String token) {
    @Override
    public String toString() {
      return "Metrics[port="
          + port
          + ", host="
          + host
          + ", token="
          + (token == null ? "none" : "***")
          + "]";
    }
  }

  /**
   * The bounds on downloads ({@code /api/export}), so that no burst of them can exhaust the heap or
   * the CPU.
   *
   * @param concurrency exports built or streamed at once; beyond it 503 with {@code Retry-After}
   * @param topologyCacheBytes heap bound of the cached TopoJSON topologies (one per boundary set,
   *     level and parent)
   * @param spoolMaxBytes disk bound of the GeoPackage files kept after their first build
   * @param retryAfterSeconds the {@code Retry-After} of a refused export
   */
  public record Exports(
      int concurrency, long topologyCacheBytes, long spoolMaxBytes, int retryAfterSeconds) {}

  /** One configuration key: option name, default (null = none) and meaning. */
  public record Key(String name, String defaultValue, String description) {
    public String envName() {
      return "PHAENTHI_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
  }

  public static final List<Key> KEYS =
      List.of(
          new Key("port", "8080", "HTTP port"),
          new Key("host", "0.0.0.0", "address to listen on"),
          new Key(
              "selectors",
              "0",
              "Jetty selector threads; they also answer cached tiles (0 = one per CPU core)"),
          new Key(
              "data",
              "../shared/data",
              "directory of source data (boundaries/, indicators/), relative to the working dir"),
          new Key(
              "store",
              "var/phaenthi",
              "embedded store directory (crash-safe part files) or a PostgreSQL URL"),
          new Key(
              "boundaries",
              "",
              "comma-separated boundary files (GeoJSON/GeoPackage) replacing the bundled ones"),
          new Key(
              "boundary-mapping",
              "",
              "property mapping for --boundaries: code=P,name_th=P,name_en=P,parent=P[,vintage=NAME]"),
          new Key("tile-extent", "4096", "MVT extent in tile-grid units"),
          new Key("tile-buffer", "64", "MVT buffer around each tile, in tile-grid units"),
          new Key("tile-cache-mb", "256", "tile cache size bound in megabytes (compressed bytes)"),
          new Key(
              "tile-identity-cache-mb",
              "64",
              "bound in megabytes (raw bytes) of the uncompressed copies of tiles asked for without"
                  + " gzip; 0 = unzip per request"),
          new Key(
              "tile-pyramid-max-zoom",
              "10",
              "geometry tiles of every level up to this zoom over the boundaries' extent are"
                  + " rendered once per boundary set, stored beside it and loaded at start; -1 ="
                  + " none"),
          new Key(
              "tile-warmup-ms",
              "1500",
              "at start, once the port is open and the bands are decoded (before /health/ready"
                  + " says ready), tiles of every level at the four zooms above the pyramid are"
                  + " rendered and thrown away for at most this long, so the first requests after a"
                  + " restart do not pay the JIT; 0 = none"),
          new Key(
              "cache-control",
              "public, max-age=300",
              "Cache-Control header of tiles and data responses"),
          new Key("base-map-url", "", "optional raster base-map URL template for connected sites"),
          new Key("cors-origins", "*", "allowed CORS origins for embedding sites ('*' = any)"),
          new Key(
              "access-log",
              "true",
              "one log line per request (method, path, status, ms, cache); false behind a proxy that logs"),
          new Key("config", "", "optional Java properties file holding any of these keys"),
          new Key("import-only", "false", "import the data directory into the store and exit"),
          new Key(
              "admin-token",
              "",
              "bootstrap admin token of scope all, next to the store's tokens ('admin token"
                  + " create'); never logged"),
          new Key(
              "public-url",
              "",
              "base of absolute links (OGC API, TileJSON), e.g. https://map.example.org; none = from"
                  + " the request's Host (or a trusted proxy's X-Forwarded-*)"),
          new Key(
              "trusted-proxies",
              "",
              "comma-separated IPs or CIDR ranges whose Forwarded/X-Forwarded-* headers are"
                  + " honoured; none = ignored"),
          new Key(
              "embed-ancestors",
              "*",
              "CSP frame-ancestors allowed to frame /embed: '*' or space/comma-separated origins"
                  + " (https://province.example); other pages cannot be framed"),
          new Key(
              "header-timeout",
              "10",
              "seconds within which a request's whole header must arrive; slower clients are"
                  + " disconnected"),
          new Key(
              "write-timeout",
              "30",
              "seconds each write of a response may take (a stalled reader frees its thread)"),
          new Key(
              "max-connections-per-client",
              "64",
              "open connections per client address (0 = unbounded); trusted proxies are exempt"),
          new Key(
              "metrics-port",
              "0",
              "a separate port serving only /metrics (0 = none: /metrics on the main port answers"
                  + " loopback clients and --metrics-token bearers only)"),
          new Key("metrics-host", "127.0.0.1", "address of --metrics-port"),
          new Key(
              "metrics-token",
              "",
              "bearer token that opens /metrics on the main port to any client (never logged)"),
          new Key(
              "upload-limit-mb",
              "50",
              "largest file POST /admin/api/imports accepts, in MB (413 beyond)"),
          new Key(
              "import-stale-seconds",
              "10",
              "an import job whose node has not written it for this long (nodes write every"
                  + " second) is shown as failed, interrupted: its node died or was killed"),
          new Key(
              "export-concurrency",
              "0",
              "downloads (/api/export) built or streamed at once; more get 503 with Retry-After"
                  + " (0 = half the CPU cores, at least 1)"),
          new Key(
              "export-retry-after",
              "5",
              "seconds in the Retry-After of a download refused because --export-concurrency are"
                  + " running"),
          new Key(
              "export-topology-cache-mb",
              "64",
              "heap bound in megabytes of the TopoJSON topologies kept (built once per boundary"
                  + " set, level and parent)"),
          new Key(
              "export-spool-mb",
              "1024",
              "disk bound in megabytes of the GeoPackage files kept in the temporary directory"
                  + " after their first build"),
          new Key(
              "import-max-drop",
              "20",
              "percent: an import with that much fewer areas, or areas with values in a survey"
                  + " year, than the publication served is refused (a file cut short); 100 = no"
                  + " check"));

  /** Reads args, then env, then config file, then defaults. */
  public static Config read(String[] args, Map<String, String> env) {
    Map<String, String> cli = parseArgs(args);
    Map<String, String> file = new LinkedHashMap<>();
    String configPath = cli.getOrDefault("config", env.get(key("config").envName()));
    if (configPath != null && !configPath.isBlank()) {
      file = readFile(Path.of(configPath));
    }
    Map<String, String> v = new LinkedHashMap<>();
    for (Key k : KEYS) {
      String value = cli.get(k.name());
      if (value == null) {
        value = env.get(k.envName());
      }
      if (value == null) {
        value = file.get(k.name());
      }
      if (value == null) {
        value = k.defaultValue();
      }
      v.put(k.name(), value);
    }
    List<Path> boundaryFiles = new ArrayList<>();
    for (String f : v.get("boundaries").split(",")) {
      if (!f.isBlank()) {
        boundaryFiles.add(Path.of(f.trim()));
      }
    }
    return new Config(
        new Server(v.get("host"), intValue(v, "port", 0, 65535), intValue(v, "selectors", 0, 1024)),
        new Data(Path.of(v.get("data")), boundaryFiles, v.get("boundary-mapping")),
        new StoreSettings(v.get("store")),
        new Tiles(
            intValue(v, "tile-extent", 256, 1 << 16),
            intValue(v, "tile-buffer", 0, 4096),
            intValue(v, "tile-cache-mb", 1, 1 << 20) * 1024L * 1024L,
            intValue(v, "tile-identity-cache-mb", 0, 1 << 20) * 1024L * 1024L,
            v.get("cache-control"),
            intValue(v, "tile-pyramid-max-zoom", -1, 10),
            intValue(v, "tile-warmup-ms", 0, 60_000)),
        new Web(
            blankToNull(v.get("base-map-url")),
            v.get("cors-origins"),
            booleanValue(v, "access-log")),
        Boolean.parseBoolean(v.get("import-only")),
        new Admin(blankToNull(v.get("admin-token"))),
        new Http(
            publicUrl(v.get("public-url")),
            list(v.get("trusted-proxies")),
            embedAncestors(v.get("embed-ancestors")),
            intValue(v, "header-timeout", 1, 3600),
            intValue(v, "write-timeout", 1, 3600),
            intValue(v, "max-connections-per-client", 0, 1 << 20)),
        new Metrics(
            intValue(v, "metrics-port", 0, 65535),
            v.get("metrics-host"),
            blankToNull(v.get("metrics-token"))),
        new Exports(
            exportConcurrency(intValue(v, "export-concurrency", 0, 4096)),
            intValue(v, "export-topology-cache-mb", 1, 1 << 20) * 1024L * 1024L,
            intValue(v, "export-spool-mb", 1, 1 << 24) * 1024L * 1024L,
            intValue(v, "export-retry-after", 1, 3600)),
        new Imports(
            intValue(v, "upload-limit-mb", 1, 10_240),
            intValue(v, "import-max-drop", 0, 100),
            intValue(v, "import-stale-seconds", 3, 86_400)));
  }

  private static int exportConcurrency(int configured) {
    // half the cores: the other half keeps answering tiles and the API while downloads run
    return configured > 0
        ? configured
        : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }

  /** A public URL without a trailing slash: http(s), a host, maybe a path; no query or fragment. */
  static String publicUrl(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.trim();
    URI u;
    try {
      u = new URI(s);
    } catch (URISyntaxException e) {
      throw new ConfigException("--public-url is not a URL: '" + s + "'");
    }
    if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme())
        || u.getHost() == null
        || u.getRawQuery() != null
        || u.getRawFragment() != null
        || u.getRawUserInfo() != null) {
      throw new ConfigException(
          "--public-url must be an http:// or https:// URL with a host and no query, such as"
              + " https://map.example.org or https://example.org/map, not '"
              + s
              + "'");
    }
    return s.replaceAll("/+$", "");
  }

  private static List<String> embedAncestors(String text) {
    List<String> out = list(text.replace(' ', ','));
    for (String a : out) {
      if (!a.equals("*")
          && !a.equals("'self'")
          && !a.matches("(https?://)?[A-Za-z0-9*.:\\[\\]-]+")) {
        throw new ConfigException(
            "--embed-ancestors takes '*', 'self' or origins such as https://province.example,"
                + " not '"
                + a
                + "'");
      }
    }
    if (out.isEmpty()) {
      throw new ConfigException("--embed-ancestors is empty; give '*' or the embedding origins");
    }
    return out;
  }

  private static List<String> list(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return List.copyOf(out);
  }

  /** The key table as Markdown-ish text for {@code --help}. */
  public static String help() {
    StringBuilder sb = new StringBuilder("Usage: java -jar phaenthi.jar [--key value]...\n\n");
    for (Key k : KEYS) {
      sb.append(
          String.format(
              "  --%-23s %-32s %s (default: %s)%n",
              k.name(),
              k.envName(),
              k.description(),
              k.defaultValue().isEmpty() ? "none" : k.defaultValue()));
    }
    return sb.toString();
  }

  static Key key(String name) {
    return KEYS.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, String> parseArgs(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new ConfigException("unexpected argument '" + a + "'; options look like --port 8080");
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      checkKnown(name, "option --" + name);
      if (value == null) {
        if (name.equals("import-only")) {
          value = "true";
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new ConfigException("option --" + name + " needs a value");
        }
      }
      out.put(name, value);
    }
    return out;
  }

  private static Map<String, String> readFile(Path path) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(path)) {
      p.load(r);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      checkKnown(name, "key '" + name + "' in " + path);
      out.put(name, p.getProperty(name));
    }
    return out;
  }

  private static void checkKnown(String name, String what) {
    if (KEYS.stream().noneMatch(k -> k.name().equals(name))) {
      throw new ConfigException(
          "unknown "
              + what
              + "; valid options: "
              + Arrays.toString(KEYS.stream().map(k -> "--" + k.name()).toArray()));
    }
  }

  private static int intValue(Map<String, String> v, String name, int min, int max) {
    String s = v.get(name);
    try {
      int n = Integer.parseInt(s.trim());
      if (n < min || n > max) {
        throw new ConfigException(
            "--" + name + " must be between " + min + " and " + max + ", not " + s);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException("--" + name + " must be a whole number, not '" + s + "'");
    }
  }

  private static boolean booleanValue(Map<String, String> v, String name) {
    String s = v.get(name).trim();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new ConfigException("--" + name + " must be true or false, not '" + s + "'");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A configuration error: start-up stops with this message, without a stack trace. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }
  }
}
