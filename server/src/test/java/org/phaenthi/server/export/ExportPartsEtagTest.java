package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.PartIds;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.catalog.ValueSet;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * Export ETags name the parts an export reads (issue #10): publishing a new value set of another
 * year leaves the ETag and the bytes of a geometry-only export and of a value export of an
 * unchanged year as they were; the export of the year whose values changed gets a new ETag.
 */
class ExportPartsEtagTest {
  private static final String HH = "?indicator=tpmap:households_surveyed&year=";

  @TempDir Path dir;
  private TestServers.OnStore running;
  private EmbeddedStore store;
  private PhaenthiServer server;
  private HttpTestClient http;

  @BeforeEach
  void start() {
    running = TestServers.onStore(dir, TestServers.dataset());
    store = running.store();
    server = running.server();
    http = running.http();
  }

  @AfterEach
  void stop() {
    running.close();
  }

  private HttpResponse<byte[]> ok(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), path + " " + new String(r.body()));
    return r;
  }

  private static String etag(HttpResponse<byte[]> r) {
    return r.headers().firstValue("ETag").orElseThrow();
  }

  @Test
  void anotherYearsNewValuesLeaveTheEtagAndBytes() {
    List<String> unchanged =
        List.of(
            "/api/export/province.geojson",
            "/api/export/district.gpkg",
            "/api/export/subdistrict.topojson",
            "/api/export/province.csv" + HH + "2561",
            "/api/export/province.xlsx" + HH + "2561",
            "/api/export/province.gpkg" + HH + "2561",
            "/api/export/province.geojson" + HH + "2561",
            "/api/export/province.csv-metadata.json" + HH + "2561");
    Map<String, HttpResponse<byte[]>> before = new LinkedHashMap<>();
    unchanged.forEach(p -> before.put(p, ok(p)));
    String changedPath = "/api/export/province.csv" + HH + "2566";
    HttpResponse<byte[]> changedBefore = ok(changedPath);
    String oldVersion = server.live().snapshot().dataset().dataVersion();

    Publication p = store.publish(newValuesFor2566());
    server.serve(store.load(p.id()));
    assertNotEquals(oldVersion, server.live().snapshot().dataset().dataVersion());

    for (String path : unchanged) {
      HttpResponse<byte[]> after = ok(path);
      assertEquals(etag(before.get(path)), etag(after), path);
      assertArrayEquals(before.get(path).body(), after.body(), path + ": same tag, same bytes");
      assertEquals(304, http.get(path, "If-None-Match", etag(before.get(path))).statusCode(), path);
    }
    HttpResponse<byte[]> changed = ok(changedPath);
    assertNotEquals(etag(changedBefore), etag(changed));
    assertEquals(200, http.get(changedPath, "If-None-Match", etag(changedBefore)).statusCode());
    String csv = new String(changed.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(true, csv.contains(",81"), csv);
  }

  /** The served parts with the 2566 value set replaced: households in Phuket 80 → 81. */
  private Draft newValuesFor2566() {
    Dataset d = server.live().snapshot().dataset();
    List<ValueSet> sets = new ArrayList<>();
    boolean replaced = false;
    for (ValueSet v : d.valueSets()) {
      if (v.year().year().be() != 2566) {
        sets.add(v);
        continue;
      }
      Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> values = new TreeMap<>();
      values.put(
          AdminLevel.PROVINCE,
          Map.of(
              "tpmap:households_surveyed",
              Map.of("83", new IndicatorValue("83", 81.0, null, 81.0, null))));
      sets.add(
          new ValueSet(
              PartIds.of(PartIds.VALUES, "2566 households 81"),
              v.indicatorSet(),
              v.year(),
              Instant.now(),
              values,
              v.report()));
      replaced = true;
    }
    assertEquals(true, replaced, "the fixture has a 2566 value set");
    return new Draft(d.boundarySet(), d.indicatorSets(), sets, "test", "new 2566 values", null);
  }
}
