package org.phaenthi.server.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;
import org.phaenthi.tiles.MvtDecoder;
import org.phaenthi.tiles.MvtFeature;
import org.phaenthi.tiles.MvtLayer;

/**
 * Tiles with values are their geometry tile plus a property join: over HTTP, a value tile decodes
 * to exactly the geometry tile's features and border layer with the indicator's values added, and a
 * new value set makes new value tiles without rendering a single geometry tile.
 */
class ValueTilesTest {
  private static final List<String> TILES =
      List.of(
          "/tiles/subdistrict/11/1583/978.mvt",
          "/tiles/subdistrict/9/395/244.mvt",
          "/tiles/district/8/197/122.mvt",
          "/tiles/province/6/49/30.mvt");
  private static final String RATE_61 = "?indicator=test:rate&year=2561";

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

  private List<MvtLayer> tile(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), path);
    return MvtDecoder.decode(r.body());
  }

  private Map<String, IndicatorValue> values(AdminLevel level, String indicator, int yearBe) {
    return server
        .live()
        .snapshot()
        .dataset()
        .indicators()
        .values(new SurveyYear(yearBe), level, indicator)
        .orElseThrow();
  }

  @Test
  void aValueTileIsTheGeometryTileWithTheRightValues() {
    for (String path : TILES) {
      AdminLevel level = AdminLevel.named(path.split("/")[2]);
      Map<String, IndicatorValue> values = values(level, "test:rate", 2561);
      List<MvtLayer> geometry = tile(path);
      List<MvtLayer> coloured = tile(path + RATE_61);
      assertEquals(level.urlName(), geometry.get(0).name());
      assertEquals(
          geometry.subList(1, geometry.size()),
          coloured.subList(1, coloured.size()),
          path + ": the border layer is the same");
      List<MvtFeature> g = geometry.get(0).features();
      List<MvtFeature> c = coloured.get(0).features();
      assertEquals(g.size(), c.size(), path);
      int withValue = 0;
      for (int i = 0; i < g.size(); i++) {
        MvtFeature gf = g.get(i);
        MvtFeature cf = c.get(i);
        assertEquals(gf.id(), cf.id());
        assertEquals(gf.type(), cf.type());
        assertArrayEquals(
            gf.geometry().getCoordinates(), cf.geometry().getCoordinates(), path + " " + gf.id());
        String code = (String) gf.properties().get("code");
        Map<String, Object> expected = new LinkedHashMap<>(gf.properties());
        IndicatorValue v = values.get(code);
        if (v != null) {
          if (v.value() != null) {
            expected.put("value", v.value());
            withValue++;
          }
          if (v.numerator() != null) {
            expected.put("numerator", v.numerator());
          }
          if (v.denominator() != null) {
            expected.put("denominator", v.denominator());
          }
        }
        assertEquals(expected, cf.properties(), path + " " + code);
      }
      assertTrue(withValue > 0, path + ": some feature has a value");
    }
    // The fixture's subdistrict with denominator 0 has no value ("no data", never 0) and the one
    // absent from the table has no value properties at all.
    List<MvtFeature> sub = tile(TILES.get(1) + RATE_61).get(0).features();
    assertTrue(sub.stream().anyMatch(f -> !f.properties().containsKey("value")));
    assertFalse(sub.stream().anyMatch(f -> Double.valueOf(0).equals(f.properties().get("value"))));
  }

  @Test
  void aNewValueSetRendersNoGeometryTile() {
    TileCache cache = server.tileCache();
    long pyramid = cache.geometryRenders(); // z0–10 rendered at start, pinned
    assertTrue(pyramid > 0);
    Map<String, byte[]> before = new LinkedHashMap<>();
    TILES.forEach(t -> before.put(t, http.get(t + RATE_61).body()));
    long geometryRenders = cache.geometryRenders();
    assertEquals(
        pyramid + 1, geometryRenders, "one geometry render per tile above z10, for its value tile");
    assertEquals(TILES.size(), cache.valueJoins());
    TILES.forEach(t -> http.get(t)); // the geometry tiles themselves: cached already
    TILES.forEach(t -> http.get(t + "?indicator=tpmap:households_surveyed&year=2561"));
    assertEquals(geometryRenders, cache.geometryRenders(), "another indicator: joins only");

    Publication p =
        store.publish(TestServers.rateNumeratorsPlusOne(server.live().snapshot().dataset()));
    server.serve(store.load(p.id()));
    for (String t : TILES) {
      byte[] after = http.get(t + RATE_61).body();
      assertFalse(java.util.Arrays.equals(before.get(t), after), t + ": the new values are in");
      AdminLevel level = AdminLevel.named(t.split("/")[2]);
      Map<String, IndicatorValue> values = values(level, "test:rate", 2561);
      int checked = 0;
      for (MvtFeature f : MvtDecoder.decode(after).get(0).features()) {
        IndicatorValue v = values.get((String) f.properties().get("code"));
        if (v != null && v.numerator() != null) {
          assertEquals(v.numerator(), f.properties().get("numerator"), t);
          checked++;
        }
      }
      assertTrue(checked > 0, t);
    }
    assertEquals(geometryRenders, cache.geometryRenders(), "no geometry tile was rendered again");
    assertEquals(3L * TILES.size(), cache.valueJoins());
  }
}
