package org.phaenthi.boundaries.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.TestData;

class BoundaryLoaderTest {
  @TempDir Path tmp;

  @Test
  void loadsThePhuketFixtureAtThreeLevels() {
    BoundaryLoader.Result r =
        new BoundaryLoader(PropertyMapping.DEFAULT).load(List.of(TestData.fixture83()));
    Boundaries b = r.boundaries();
    assertEquals(1, b.count(AdminLevel.PROVINCE));
    assertEquals(3, b.count(AdminLevel.DISTRICT));
    assertEquals(17, b.count(AdminLevel.SUBDISTRICT));
    Area phuket = b.area("83").orElseThrow();
    assertEquals("ภูเก็ต", phuket.nameTh());
    assertEquals("Phuket", phuket.nameEn());
    assertEquals(
        List.of("83", "8301"),
        b.ancestors(b.area("830101").orElseThrow()).stream().map(Area::code).toList());
    assertEquals(17, b.children(AdminLevel.SUBDISTRICT, "83").size());
    b.areas(AdminLevel.SUBDISTRICT).forEach(a -> assertTrue(a.geometry().isValid(), a.code()));
    assertEquals(21L, r.counts().get("areas"));
  }

  @Test
  void repairsAnInvalidPolygonAndCountsIt() throws IOException {
    // A bow-tie: self-intersecting, repaired by GeometryFixer into two triangles.
    Path f =
        write(
            "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("83", null, "[[[98,7],[99,8],[99,7],[98,8],[98,7]]]")
                + "]}");
    BoundaryLoader.Result r = new BoundaryLoader(PropertyMapping.DEFAULT).load(List.of(f));
    assertEquals(1L, r.counts().get("geometriesRepaired"));
    Area a = r.boundaries().area("83").orElseThrow();
    assertTrue(a.geometry().isValid());
    assertEquals(0.5, a.geometry().getArea(), 1e-9);
  }

  @Test
  void rejectsDuplicateCodesMissingParentsAndBadCodes() throws IOException {
    String sq = "[[[98,7],[99,7],[99,8],[98,8],[98,7]]]";
    Path dup = write(fc(feature("83", null, sq), feature("83", null, sq)));
    assertMessage(dup, "duplicate area code 83");
    Path orphan = write(fc(feature("8301", "84", sq)));
    assertMessage(orphan, "parent 84 is not a prefix");
    Path missing = write(fc(feature("8301", "83", sq)));
    assertMessage(missing, "parent 83 does not exist");
    Path bad = write(fc(feature("8x", null, sq)));
    assertMessage(bad, "not a 2-, 4- or 6-digit DOPA code");
  }

  @Test
  void userFileWithOwnPropertyNamesAndHdxPcodes() throws IOException {
    String sq = "[[[98,7],[99,7],[99,8],[98,8],[98,7]]]";
    String f1 =
        "{\"type\":\"Feature\",\"properties\":{\"ADM1_PCODE\":\"TH83\",\"ADM1_TH\":\"ภูเก็ต\","
            + "\"ADM1_EN\":\"Phuket\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + sq
            + "}}";
    Path f = write(fc(f1));
    PropertyMapping m = PropertyMapping.parse("code=ADM1_PCODE,name_th=ADM1_TH,name_en=ADM1_EN");
    Area a = new BoundaryLoader(m).load(List.of(f)).boundaries().area("83").orElseThrow();
    assertEquals("Phuket", a.nameEn());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PropertyMapping.parse("colour=X"));
    assertTrue(e.getMessage().contains("colour"), e.getMessage());
  }

  @Test
  void refusesNonPolygonsAndUnknownFormats() throws IOException {
    Path point =
        write(
            fc(
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"83\",\"name_th\":\"x\"},"
                    + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[98,7]}}"));
    assertMessage(point, "is not Polygon or MultiPolygon");
    Path csv = Files.writeString(tmp.resolve("b.csv"), "code\n83\n");
    assertMessage(csv, "neither GeoJSON");
  }

  @Test
  void aMoveRecodesTheSubdistrictAndDissolvesBothDistrictsAgain() throws Exception {
    Path f =
        write(
            fc(
                feature("53", null, box(0, 3)),
                feature("5303", "53", box(0, 2)),
                feature("5304", "53", box(2, 3)),
                feature("530301", "5303", box(0, 1)),
                feature("530306", "5303", box(1, 2)),
                feature("530401", "5304", box(2, 3))));
    BoundaryLoader.Result r =
        new BoundaryLoader(PropertyMapping.DEFAULT, remaps("530306,530407,move,ท่าแฝก"))
            .load(List.of(f));
    Boundaries b = r.boundaries();
    Area moved = b.area("530407").orElseThrow();
    assertEquals("5304", moved.parentCode());
    assertEquals("ท", moved.nameTh());
    assertTopo("POLYGON ((101 7, 102 7, 102 8, 101 8, 101 7))", moved.geometry());
    assertTrue(b.area("530306").isEmpty());
    assertTopo("POLYGON ((100 7, 101 7, 101 8, 100 8, 100 7))", geometry(b, "5303"));
    assertTopo("POLYGON ((101 7, 103 7, 103 8, 101 8, 101 7))", geometry(b, "5304"));
    assertTopo("POLYGON ((100 7, 103 7, 103 8, 100 8, 100 7))", geometry(b, "53"));
    assertEquals(List.of("530401", "530407"), codes(b.children(AdminLevel.SUBDISTRICT, "5304")));
    assertEquals(1L, r.counts().get("areasMoved"));
    assertEquals(2L, r.counts().get("areasRedissolved"));
    assertEquals(java.util.Optional.of("test"), r.vintage());
    // the same files as no vintage are loaded as filed
    Boundaries plain = new BoundaryLoader(PropertyMapping.DEFAULT).load(List.of(f)).boundaries();
    assertTopo("POLYGON ((100 7, 102 7, 102 8, 100 8, 100 7))", geometry(plain, "5303"));
    assertTrue(plain.area("530306").isPresent());
  }

  @Test
  void aMoveAcrossAProvinceLineDissolvesBothProvincesToo() throws Exception {
    Path f =
        write(
            fc(
                feature("53", null, box(0, 2)),
                feature("54", null, box(2, 3)),
                feature("5303", "53", box(0, 2)),
                feature("5401", "54", box(2, 3)),
                feature("530301", "5303", box(0, 1)),
                feature("530306", "5303", box(1, 2)),
                feature("540101", "5401", box(2, 3))));
    BoundaryLoader.Result r =
        new BoundaryLoader(PropertyMapping.DEFAULT, remaps("530306,540102,move,x"))
            .load(List.of(f));
    Boundaries b = r.boundaries();
    assertEquals("5401", b.area("540102").orElseThrow().parentCode());
    assertTopo("POLYGON ((100 7, 101 7, 101 8, 100 8, 100 7))", geometry(b, "53"));
    assertTopo("POLYGON ((101 7, 103 7, 103 8, 101 8, 101 7))", geometry(b, "54"));
    assertTopo("POLYGON ((101 7, 103 7, 103 8, 101 8, 101 7))", geometry(b, "5401"));
    assertEquals(4L, r.counts().get("areasRedissolved"));
  }

  @Test
  void filesThatAreNotOfTheVintageAreRefusedNamingTheMove() throws Exception {
    Path f =
        write(
            fc(
                feature("53", null, box(0, 2)),
                feature("5303", "53", box(0, 2)),
                feature("530301", "5303", box(0, 1)),
                feature("530306", "5303", box(1, 2))));
    assertLoadMessage(
        f, "530399,530302,move,x", "no subdistrict 530399; are they of vintage test?");
    assertLoadMessage(f, "530306,530301,move,x", "already have an area 530301");
    assertLoadMessage(f, "530306,530407,move,x", "into district 5304, which the boundary files");
    Path lonely =
        write(
            fc(
                feature("53", null, box(0, 2)),
                feature("5303", "53", box(0, 1)),
                feature("5304", "53", box(1, 2)),
                feature("530306", "5303", box(0, 1)),
                feature("530401", "5304", box(1, 2))));
    assertLoadMessage(lonely, "530306,530407,move,x", "district 5303 has no subdistrict left");
  }

  @Test
  void theMappingNamesTheVintageOfUserFiles() {
    PropertyMapping hdx = PropertyMapping.parse("code=ADM3_PCODE,vintage=rtsd-2019");
    assertEquals("rtsd-2019", hdx.vintage());
    assertTrue(hdx.toString().endsWith(",vintage=rtsd-2019"), hdx.toString());
    assertEquals(
        "code=code,name_th=name_th,name_en=name_en,parent=parent_code",
        "" + PropertyMapping.DEFAULT);
    assertEquals(null, PropertyMapping.parse("code=ADM3_PCODE").vintage());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PropertyMapping.parse("vintage=osm-2024"));
    assertTrue(e.getMessage().contains("boundary vintage 'osm-2024' is unknown"), e.getMessage());
    BoundaryLoader.Result r =
        new BoundaryLoader(PropertyMapping.parse("vintage=rtsd-2019"))
            .load(List.of(TestData.fixture83()));
    assertEquals(java.util.Optional.of("rtsd-2019"), r.vintage());
    assertEquals(0L, r.counts().get("areasMoved"), "Phuket holds no district of a move");
    assertEquals(
        java.util.Optional.empty(),
        new BoundaryLoader(PropertyMapping.DEFAULT).load(List.of(TestData.fixture83())).vintage());
  }

  private static CodeRemaps remaps(String rows) throws IOException {
    return CodeRemapReader.read(
        new StringReader("from,to,kind,reason\n" + rows + "\n"), "test", "test.csv");
  }

  private static void assertLoadMessage(Path file, String rows, String expected)
      throws IOException {
    CodeRemaps remaps = remaps(rows);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new BoundaryLoader(PropertyMapping.DEFAULT, remaps).load(List.of(file)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static void assertTopo(String wkt, Geometry actual) throws ParseException {
    Geometry expected = new WKTReader().read(wkt);
    assertTrue(expected.equalsTopo(actual), "expected " + wkt + ", got " + actual);
    assertTrue(actual.isValid(), actual.toString());
  }

  private static Geometry geometry(Boundaries b, String code) {
    return b.area(code).orElseThrow().geometry();
  }

  private static List<String> codes(List<Area> areas) {
    return areas.stream().map(Area::code).toList();
  }

  /** A unit square row from lon 100 + from to 100 + to, lat 7 to 8, as GeoJSON coordinates. */
  private static String box(int from, int to) {
    int a = 100 + from;
    int b = 100 + to;
    return "[[[" + a + ",7],[" + b + ",7],[" + b + ",8],[" + a + ",8],[" + a + ",7]]]";
  }

  private void assertMessage(Path file, String expected) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new BoundaryLoader(PropertyMapping.DEFAULT).load(List.of(file)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static String fc(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  private static String feature(String code, String parent, String polygonCoords) {
    return "{\"type\":\"Feature\",\"properties\":{\"code\":\""
        + code
        + "\",\"name_th\":\"ท\",\"name_en\":\"E\",\"parent_code\":"
        + (parent == null ? "null" : "\"" + parent + "\"")
        + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + polygonCoords
        + "}}";
  }

  private Path write(String json) throws IOException {
    Path p = Files.createTempFile(tmp, "b", ".geojson");
    Files.writeString(p, json);
    return p;
  }
}
