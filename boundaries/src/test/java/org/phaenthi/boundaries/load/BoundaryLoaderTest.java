package org.phaenthi.boundaries.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
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
