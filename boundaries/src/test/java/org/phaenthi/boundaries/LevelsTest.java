package org.phaenthi.boundaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Levels as data: declared, validated, stored as JSON and read back. */
class LevelsTest {

  @Test
  void theStandardLevelsAndVillagesFormOneHierarchy() {
    Levels l = Levels.WITH_VILLAGES;
    assertEquals(List.of("province", "district", "subdistrict", "village"), l.urlNames());
    assertEquals(Optional.of(AdminLevel.VILLAGE), l.child(AdminLevel.SUBDISTRICT));
    assertEquals(Optional.empty(), l.child(AdminLevel.VILLAGE));
    assertEquals(Optional.empty(), Levels.STANDARD.child(AdminLevel.SUBDISTRICT));
    assertEquals(
        List.of(AdminLevel.PROVINCE, AdminLevel.DISTRICT, AdminLevel.SUBDISTRICT),
        l.withGeometry());
    assertFalse(AdminLevel.VILLAGE.hasGeometry());
    assertEquals(3, AdminLevel.VILLAGE.depth());
    assertEquals(Optional.empty(), l.byName("tambon"));
    assertEquals(Optional.of(AdminLevel.VILLAGE), l.ofCodeLength(10));
  }

  @Test
  void jsonRoundTripGivesTheSameLevelsAndTheStandardConstants() {
    Levels back = Levels.fromJson(Levels.WITH_VILLAGES.toJson());
    assertEquals(Levels.WITH_VILLAGES, back);
    assertSame(AdminLevel.VILLAGE, back.byName("village").orElseThrow(), "the constant");
    assertEquals("none", back.toJson().get(3).get("geometry"));
    assertEquals("subdistrict", back.toJson().get(3).get("parent"));
    assertEquals(10, back.toJson().get(3).get("code_digits"));
  }

  @Test
  void aBoundarySetMayDeclareOtherLevels() {
    List<Map<String, Object>> json = new ArrayList<>(Levels.STANDARD.toJson());
    Map<String, Object> zone = new LinkedHashMap<>();
    zone.put("level", "zone");
    zone.put("name_th", "เขต");
    zone.put("name_en", "Zone");
    zone.put("code_digits", 8);
    zone.put("parent", "subdistrict");
    zone.put("geometry", "polygon");
    json.add(zone);
    Levels l = Levels.fromJson(json);
    AdminLevel z = l.byName("zone").orElseThrow();
    assertTrue(z.hasGeometry());
    assertEquals(AdminLevel.SUBDISTRICT, z.parent().orElseThrow());
    assertEquals(Optional.of(z), l.child(AdminLevel.SUBDISTRICT));
    assertFalse(Levels.STANDARD.contains(z));
  }

  @Test
  void badDeclarationsAreRefusedNamingTheProblem() {
    Map<String, Object> orphan = new LinkedHashMap<>(Levels.WITH_VILLAGES.toJson().get(3));
    List<Map<String, Object>> noParent = new ArrayList<>(Levels.STANDARD.toJson().subList(0, 2));
    noParent.add(orphan);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Levels.fromJson(noParent));
    assertTrue(e.getMessage().contains("subdistrict"), e.getMessage());

    List<Map<String, Object>> twice = new ArrayList<>(Levels.STANDARD.toJson());
    twice.add(Levels.STANDARD.toJson().get(2));
    assertThrows(IllegalArgumentException.class, () -> Levels.fromJson(twice));

    Map<String, Object> badKind = new LinkedHashMap<>(Levels.WITH_VILLAGES.toJson().get(3));
    badKind.put("geometry", "point");
    List<Map<String, Object>> kind = new ArrayList<>(Levels.STANDARD.toJson());
    kind.add(badKind);
    e = assertThrows(IllegalArgumentException.class, () -> Levels.fromJson(kind));
    assertTrue(e.getMessage().contains("'polygon' or 'none'"), e.getMessage());

    // codes must grow down the hierarchy
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AdminLevel.of("x", 4, "x", "x", AdminLevel.SUBDISTRICT, AdminLevel.GeometryKind.NONE));
    // a polygon level cannot hang under a level without polygons
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AdminLevel.of("x", 10, "x", "x", AdminLevel.VILLAGE, AdminLevel.GeometryKind.POLYGON));
  }

  @Test
  void levelsAreIdentifiedByNameAndOlderStoredNamesAreRead() {
    assertSame(AdminLevel.PROVINCE, AdminLevel.named("PROVINCE"), "former enum name");
    assertSame(AdminLevel.VILLAGE, AdminLevel.named("village"));
    AdminLevel ref = AdminLevel.named("zone");
    assertEquals("zone", ref.urlName());
    assertEquals(
        ref,
        AdminLevel.of(
            "zone", 8, "เขต", "Zone", AdminLevel.SUBDISTRICT, AdminLevel.GeometryKind.POLYGON));
  }

  @Test
  void aVillageHasNoGeometryAndAPolygonLevelNeedsOne() {
    Area v = new Area("340151A001", "ชุมชน", "Community 1", "340151", AdminLevel.VILLAGE, null);
    assertEquals(null, v.bbox());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Area("83", "ภูเก็ต", "Phuket", null, AdminLevel.PROVINCE, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Area("83010101", "x", "x", "830101", AdminLevel.VILLAGE, null),
        "8 characters is not a village ID");
    assertThrows(
        IllegalArgumentException.class,
        () -> new Area("Z301010101", "x", "x", "830101", AdminLevel.VILLAGE, null),
        "letters only after the subdistrict part");
  }
}
