package org.phaenthi.server.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.load.DatasetImporter;
import org.phaenthi.boundaries.load.PropertyMapping;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * One server for all OGC and export tests: the committed two-province fixture (Phuket and Samut
 * Songkhram: areas counted by {@link #count}) imported by the real {@link DatasetImporter} into an
 * embedded store in a temp directory. When the importer brings no indicators, the hand-made table
 * of {@link TestServers} is used so the value/reason columns are still exercised.
 */
public final class OgcFixture {
  private static PhaenthiServer server;
  private static HttpTestClient http;
  private static Dataset dataset;
  private static int port;

  private OgcFixture() {}

  public static synchronized HttpTestClient http() {
    if (server == null) {
      try {
        Path dir = Files.createTempDirectory("phaenthi-ogc-test");
        Path data = TestServers.dataDir();
        Dataset imported =
            org.phaenthi.imports.BundledPublication.importAll(
                new DatasetImporter(
                    data, TestServers.fixtureBoundaries(), PropertyMapping.DEFAULT));
        dataset =
            imported.indicators().indicators().isEmpty()
                ? Dataset.of(
                    imported.dataVersion(),
                    imported.importedAt(),
                    imported.boundaries(),
                    TestServers.indicators(),
                    imported.blobs(),
                    imported.report())
                : imported;
        // at the default per-client limit (64): the official suite's client (RestAssured) may keep
        // 90 and more connections alive over a run; past the bound each new one takes the place of
        // the oldest idle one (ClientLimits) instead of being closed unanswered
        server = TestServers.start(dataset, dir);
        port = server.port();
        http = new HttpTestClient(port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return http;
  }

  /** {@code http://127.0.0.1:PORT} of the fixture server, for clients run in a child process. */
  public static String baseUrl() {
    http();
    return "http://127.0.0.1:" + port;
  }

  public static Dataset dataset() {
    http();
    return dataset;
  }

  /** How many areas of the level the served fixture has under a code prefix ("" for all). */
  public static int count(org.phaenthi.boundaries.AdminLevel level, String prefix) {
    return (int)
        dataset().boundaries().areas(level).stream()
            .filter(a -> a.code().startsWith(prefix))
            .count();
  }

  /** An indicator code with subdistrict data in some year, and that year, for value tests. */
  public static String[] indicatorWithSubdistrictData() {
    var data = dataset().indicators();
    for (var year : data.years().keySet()) {
      for (var i : data.indicators()) {
        if (data.values(year, org.phaenthi.boundaries.AdminLevel.SUBDISTRICT, i.code())
            .map(m -> m.keySet().stream().anyMatch(c -> c.startsWith("83")))
            .orElse(false)) {
          return new String[] {i.code(), Integer.toString(year.be())};
        }
      }
    }
    throw new IllegalStateException("no indicator with Phuket subdistrict data");
  }

  /**
   * The paths of a served API definition as request paths of this server: each documented path
   * resolved against its path-level {@code servers} URL, else the root one; in document order.
   */
  public static java.util.Map<String, JsonNode> servedPaths(JsonNode api) {
    java.util.Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    String root = api.path("servers").get(0).path("url").asText();
    api.path("paths")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode own = e.getValue().path("servers");
              String server = own.isArray() ? own.get(0).path("url").asText() : root;
              String full = java.net.URI.create(server).getRawPath() + e.getKey();
              out.put(
                  full.length() > 1 && full.endsWith("/")
                      ? full.substring(0, full.length() - 1)
                      : full,
                  e.getValue());
            });
    return out;
  }

  public static JsonNode json(HttpResponse<byte[]> r) {
    try {
      return Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + new String(r.body()), e);
    }
  }

  public static String type(HttpResponse<byte[]> r) {
    return r.headers().firstValue("Content-Type").orElse("");
  }
}
