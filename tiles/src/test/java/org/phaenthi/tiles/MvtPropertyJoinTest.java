package org.phaenthi.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * {@link MvtPropertyJoin}: WKT in, a joined tile out, decoded. The joined tile must decode to the
 * same features as one encoded with all the properties from the start, and the geometry commands
 * must be the geometry tile's, byte for byte.
 */
class MvtPropertyJoinTest {
  private static final String SQUARE = "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))";
  private static final String DONUT =
      "POLYGON ((200 0, 400 0, 400 200, 200 200, 200 0), (250 50, 250 150, 350 150, 350 50, 250 50))";
  private static final String ISLANDS =
      "MULTIPOLYGON (((500 500, 600 500, 600 600, 500 500)), ((700 700, 800 700, 800 800, 700 700)))";
  private static final String BORDER =
      "MULTILINESTRING ((100 0, 100 100), (0 100, 100 100, 200 80))";

  private static Geometry wkt(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Map<String, Object> props(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Three areas with codes and names, a border layer, and an areas feature without an id. */
  private static byte[] geometryTile(Map<Long, Map<String, Object>> extra) {
    MvtEncoder enc = new MvtEncoder();
    MvtEncoder.Layer areas = enc.layer("subdistrict");
    Object[][] rows = {
      {830101L, SQUARE, "ตลาดใหญ่", "Talat Yai"},
      {830102L, DONUT, "ตลาดเหนือ", "Talat Nuea"},
      {830103L, ISLANDS, "เกาะแก้ว", "Ko Kaeo"}
    };
    for (Object[] r : rows) {
      long id = (Long) r[0];
      Map<String, Object> p = props("code", Long.toString(id), "name_th", r[2], "name_en", r[3]);
      Map<String, Object> more = extra.get(id);
      if (more != null) {
        more.forEach((k, v) -> p.put(k, v));
      }
      areas.addFeature(id, wkt((String) r[1]), p);
    }
    areas.addFeature(null, wkt("POLYGON ((900 900, 950 900, 950 950, 900 900))"), props("x", "y"));
    enc.layer("subdistrict_borders").addFeature(wkt(BORDER), props("level", "district"));
    return enc.encode();
  }

  private static final Map<Long, Map<String, Object>> VALUES =
      Map.of(
          830101L, props("value", 42.5, "numerator", 17.0, "denominator", 40.0),
          830102L, props("value", 0.0, "numerator", 0.0, "denominator", 12.0),
          830103L, props("numerator", 3.0)); // a missing value stays missing

  @Test
  void theJoinedTileDecodesLikeOneEncodedWithEveryPropertyFromTheStart() {
    byte[] geometry = geometryTile(Map.of());
    byte[] joined = MvtPropertyJoin.join(geometry, "subdistrict", id -> VALUES.get(id));
    List<MvtLayer> expected = MvtDecoder.decode(geometryTile(VALUES));
    List<MvtLayer> actual = MvtDecoder.decode(joined);
    assertEquals(expected, actual);
    MvtFeature first = actual.get(0).features().get(0);
    assertEquals(
        props(
            "code",
            "830101",
            "name_th",
            "ตลาดใหญ่",
            "name_en",
            "Talat Yai",
            "value",
            42.5,
            "numerator",
            17.0,
            "denominator",
            40.0),
        first.properties());
    assertEquals(
        props("code", "830103", "name_th", "เกาะแก้ว", "name_en", "Ko Kaeo", "numerator", 3.0),
        actual.get(0).features().get(2).properties());
    assertEquals(props("x", "y"), actual.get(0).features().get(3).properties(), "no id: no join");
  }

  @Test
  void geometryCommandsAndOtherLayersAreCopiedByteForByte() {
    byte[] geometry = geometryTile(Map.of());
    byte[] joined = MvtPropertyJoin.join(geometry, "subdistrict", id -> VALUES.get(id));
    List<MvtLayer> before = MvtDecoder.decode(geometry);
    List<MvtLayer> after = MvtDecoder.decode(joined);
    for (int i = 0; i < before.get(0).features().size(); i++) {
      MvtFeature b = before.get(0).features().get(i);
      MvtFeature a = after.get(0).features().get(i);
      assertEquals(b.id(), a.id());
      assertEquals(b.type(), a.type());
      assertEquals(b.geometry(), a.geometry());
      // exact equality, not norm(): the same vertices in the same order
      assertArrayEquals(b.geometry().getCoordinates(), a.geometry().getCoordinates());
    }
    assertEquals(before.get(1), after.get(1), "the border layer is unchanged");
    byte[] borderOnly = new MvtEncoder().encode();
    assertArrayEquals(borderOnly, MvtPropertyJoin.join(borderOnly, "subdistrict", id -> null));
  }

  @Test
  void aTileWithoutTheLayerOrWithNothingToAddComesBackEqual() {
    byte[] geometry = geometryTile(Map.of());
    assertArrayEquals(geometry, MvtPropertyJoin.join(geometry, "province", id -> VALUES.get(id)));
    assertEquals(
        MvtDecoder.decode(geometry),
        MvtDecoder.decode(MvtPropertyJoin.join(geometry, "subdistrict", id -> Map.of())));
    assertArrayEquals(new byte[0], MvtPropertyJoin.join(new byte[0], "subdistrict", id -> null));
  }

  @Test
  void keysAlreadyInTheLayerAreReusedAndEqualValuesShareOneEntry() {
    byte[] geometry = geometryTile(Map.of());
    Map<String, Object> same = props("name_en", "renamed", "value", 7.0);
    byte[] joined = MvtPropertyJoin.join(geometry, "subdistrict", id -> same);
    MvtFeature f = MvtDecoder.decode(joined).get(0).features().get(1);
    // a second "name_en" tag: the decoder keeps the later one, as MVT readers do
    assertEquals("renamed", f.properties().get("name_en"));
    assertEquals(7.0, f.properties().get("value"));
    // keys: code, name_th, name_en, x + value (name_en reused); values: 3 codes, 6 names, "y"
    // + "renamed" and 7.0 once each, however many features they were added to
    assertEquals(List.of(5, 12), tableSizes(joined));
    assertEquals(List.of(4, 10), tableSizes(geometry));
  }

  /** How many keys and values the first layer's tables hold. */
  private static List<Integer> tableSizes(byte[] tile) {
    ProtoReader r = new ProtoReader(tile, 0, tile.length);
    r.nextField();
    ProtoReader layer = r.message();
    int keys = 0;
    int values = 0;
    for (int f = layer.nextField(); f != -1; f = layer.nextField()) {
      keys += f == 3 ? 1 : 0;
      values += f == 4 ? 1 : 0;
      layer.skip();
    }
    return List.of(keys, values);
  }

  @Test
  void unknownLengthDelimitedFieldsAreSkippedByTheDecoderAndKeptByTheJoin() {
    // A layer with an extra field 9 ("abc") before its features, as another writer might add:
    // skipping it used to lose the length's own byte and misread the rest of the layer.
    byte[] geometry = geometryTile(Map.of());
    ProtoReader r = new ProtoReader(geometry, 0, geometry.length);
    r.nextField();
    ProtoReader layer = r.message();
    ProtoWriter extended = new ProtoWriter();
    extended.bytesField(9, new byte[] {'a', 'b', 'c'}, 0, 3);
    extended.raw(layer.buffer(), layer.position(), layer.end());
    ProtoWriter tile = new ProtoWriter();
    tile.messageField(3, extended);
    byte[] withUnknown = tile.toByteArray();
    assertEquals(MvtDecoder.decode(geometry).get(0), MvtDecoder.decode(withUnknown).get(0));
    byte[] joined = MvtPropertyJoin.join(withUnknown, "subdistrict", id -> VALUES.get(id));
    assertEquals(MvtDecoder.decode(geometryTile(VALUES)).get(0), MvtDecoder.decode(joined).get(0));
    String text = new String(joined, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertEquals(true, text.contains("\u004a\u0003abc"), "field 9 kept as it was");
  }

  @Test
  void anUnsupportedValueTypeAndMalformedBytesAreRejected() {
    byte[] geometry = geometryTile(Map.of());
    assertThrows(
        IllegalArgumentException.class,
        () -> MvtPropertyJoin.join(geometry, "subdistrict", id -> Map.of("v", List.of(1))));
    assertThrows(
        IllegalArgumentException.class,
        () -> MvtPropertyJoin.join(new byte[] {0x1a, 0x7f, 0x01}, "subdistrict", id -> null));
  }
}
