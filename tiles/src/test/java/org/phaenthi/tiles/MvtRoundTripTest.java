package org.phaenthi.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class MvtRoundTripTest {

  private static Geometry wkt(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static MvtFeature roundTrip(Geometry g) {
    MvtEncoder enc = new MvtEncoder();
    assertTrue(enc.layer("l").addFeature(g, Map.of()));
    List<MvtLayer> layers = MvtDecoder.decode(enc.encode());
    assertEquals(1, layers.size());
    return layers.get(0).features().get(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "POINT (25 17)",
        "MULTIPOINT ((5 7), (3 2), (4000 4000))",
        "LINESTRING (2 2, 2 10, 10 10)",
        "MULTILINESTRING ((2 2, 2 10, 10 10), (1 1, 3 5), (-64 -64, 4160 4160))",
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
        "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10),"
            + " (50 50, 50 60, 60 60, 60 50, 50 50))",
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((11 11, 20 11, 20 20, 11 20, 11 11),"
            + " (13 13, 13 17, 17 17, 17 13, 13 13)), ((-50 -50, -40 -50, -40 -40, -50 -50)))"
      })
  void geometryRoundTrips(String input) {
    Geometry g = wkt(input);
    MvtFeature f = roundTrip(g);
    assertEquals(MvtGeometryType.of(g), f.type());
    assertEquals(g.norm(), f.geometry().norm());
    if (g.getDimension() == 2) {
      assertTrue(f.geometry().isValid());
    }
  }

  @Test
  void ringsAreWrittenWithSpecWinding() {
    // JTS-style counter-clockwise shell (y up) is negative by the y-down surveyor formula.
    Geometry g = wkt("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))");
    var decoded = (org.locationtech.jts.geom.Polygon) roundTrip(g).geometry();
    assertTrue(Winding.doubleArea(decoded.getExteriorRing().getCoordinateSequence()) > 0);
    assertTrue(Winding.doubleArea(decoded.getInteriorRingN(0).getCoordinateSequence()) < 0);
    assertEquals(g.norm(), decoded.norm());
  }

  @Test
  void propertiesIdsAndTypedValues() {
    MvtEncoder enc = new MvtEncoder();
    MvtEncoder.Layer layer = enc.layer("subdistrict", 512);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("name", "Talat Yai");
    props.put("d", 0.25);
    props.put("f", 1.5f);
    props.put("i", 42);
    props.put("neg", -7L);
    props.put("big", Long.MAX_VALUE);
    props.put("b", true);
    props.put("skipped", null);
    layer.addFeature(830101L, wkt("POINT (1 2)"), props);
    layer.addFeature(wkt("POINT (3 4)"), Map.of("name", "Talat Nuea"));
    List<MvtLayer> layers = MvtDecoder.decode(enc.encode());
    MvtLayer l = layers.get(0);
    assertEquals("subdistrict", l.name());
    assertEquals(512, l.extent());
    assertEquals(2, l.version());
    MvtFeature first = l.features().get(0);
    assertEquals(OptionalLong.of(830101L), first.id());
    Map<String, Object> expected = new LinkedHashMap<>(props);
    expected.remove("skipped");
    expected.put("i", 42L);
    assertEquals(expected, first.properties());
    assertEquals(Float.class, first.properties().get("f").getClass());
    assertEquals(OptionalLong.empty(), l.features().get(1).id());
    assertEquals(Map.of("name", "Talat Nuea"), l.features().get(1).properties());
  }

  @Test
  void keysAndValuesAreDeduplicatedPerLayer() {
    MvtEncoder one = new MvtEncoder();
    one.layer("l").addFeature(wkt("POINT (1 1)"), Map.of("k", "v"));
    MvtEncoder two = new MvtEncoder();
    two.layer("l").addFeature(wkt("POINT (1 1)"), Map.of("k", "v"));
    two.layer("l").addFeature(wkt("POINT (1 1)"), Map.of("k", "v"));
    // The second feature adds only itself: field tag, length, tags [0,0], type, geometry.
    int featureBytes = 2 + 4 + 2 + 5;
    assertEquals(one.encode().length + featureBytes, two.encode().length);
    assertEquals(2, MvtDecoder.decode(two.encode()).get(0).features().size());
  }

  @Test
  void emptyLayersAreOmittedAndEmptyTileIsZeroBytes() {
    MvtEncoder enc = new MvtEncoder();
    enc.layer("empty");
    assertFalse(enc.layer("collapsed").addFeature(wkt("POLYGON ((0 0, 1 1, 2 2, 0 0))"), Map.of()));
    assertArrayEquals(new byte[0], enc.encode());
    enc.layer("full").addFeature(wkt("POINT (1 1)"), Map.of());
    List<MvtLayer> layers = MvtDecoder.decode(enc.encode());
    assertEquals(List.of("full"), layers.stream().map(MvtLayer::name).toList());
    assertEquals("(empty tile)\n", TileDump.dump(new byte[0]));
  }

  @Test
  void badArgumentsAreRejected() {
    MvtEncoder enc = new MvtEncoder();
    assertThrows(IllegalArgumentException.class, () -> enc.layer(" "));
    assertThrows(IllegalArgumentException.class, () -> enc.layer("l", 0));
    enc.layer("l", 4096);
    assertThrows(IllegalArgumentException.class, () -> enc.layer("l", 256));
    Geometry gc = wkt("GEOMETRYCOLLECTION (POINT (1 1))");
    assertThrows(IllegalArgumentException.class, () -> enc.layer("l").addFeature(gc, Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> enc.layer("l").addFeature(wkt("POINT (1 1)"), Map.of("k", new Object())));
    assertThrows(IllegalArgumentException.class, () -> MvtDecoder.decode(new byte[] {26, 5, 1}));
  }
}
