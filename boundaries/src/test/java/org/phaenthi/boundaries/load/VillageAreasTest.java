package org.phaenthi.boundaries.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.SharedData;
import org.phaenthi.boundaries.TestData;

/** Village areas: names from the BMN 2559 file, else by number; split units keep their suffix. */
class VillageAreasTest {

  @Test
  void namesComeFromTheFileAndOthersAreNamedByNumber() {
    Map<String, Long> counts = new TreeMap<>();
    List<Area> areas =
        VillageAreas.areas(
            List.of("8301010101", "8301010102", "8301010901", "8301510301"),
            Map.of("83010101", "บ้านเกาะแก้ว"),
            counts);
    assertEquals("บ้านเกาะแก้ว", areas.get(0).nameTh());
    assertEquals("Moo 1", areas.get(0).nameEn());
    assertEquals("บ้านเกาะแก้ว (02)", areas.get(1).nameTh(), "a split unit keeps its suffix");
    assertEquals("หมู่ที่ 9", areas.get(2).nameTh());
    assertEquals("ชุมชนที่ 3", areas.get(3).nameTh(), "a municipal community");
    assertEquals("Community 3", areas.get(3).nameEn());
    assertEquals("830151", areas.get(3).parentCode());
    assertEquals(AdminLevel.VILLAGE, areas.get(0).level());
    assertNull(areas.get(0).geometry());
    assertEquals(Map.of("villageNamesFromFile", 2L, "villageNamesByNumber", 2L), counts);
  }

  @Test
  void theNamesFileIsReadWithItsUnquotedCommasAndAMalformedOneIsRefused(@TempDir Path dir)
      throws IOException {
    Path names = dir.resolve(VillageAreas.NAMES_FILE);
    Files.createDirectories(names.getParent());
    gzip(
        names,
        "\uFEFFvillage_ID,village_name\n"
            + "83010101,บ้านเกาะแก้ว\n"
            + "14055916,บางหลวงโดด1,2(01)\n"
            + "\"83010102\",\"บ้าน \"\"ใหม่\"\"\"\n"
            + "2509620?,ชุมชน\n"
            + "83010103,\n");
    assertEquals(
        Map.of(
            "83010101", "บ้านเกาะแก้ว",
            "14055916", "บางหลวงโดด1,2(01)",
            "83010102", "บ้าน \"ใหม่\""),
        VillageAreas.readNames(names));
    gzip(names, "village_ID,village_name\n83010101,บ้านเกาะแก้ว\n83010102,\"บ้านใหม่\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VillageAreas.readNames(names));
    assertEquals("bmn59_village_name.csv.gz: record 3: unterminated quoted field", e.getMessage());
    assertEquals(Map.of(), VillageAreas.readNames(dir.resolve("absent.csv.gz")));
  }

  private static void gzip(Path file, String text) throws IOException {
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @SharedData
  @Test
  void theRealNamesFileHasTheVillagesOfThe2561Data() {
    Map<String, String> names =
        VillageAreas.readNames(
            TestData.dir().resolve("indicators").resolve(VillageAreas.NAMES_FILE));
    assertEquals("ชุมชนบ้านต้นโพธิ์", names.get("25096206"));
    assertEquals(null, names.get("2509620?"), "codes with '?' are skipped");
    assertEquals(true, names.size() > 92_000, "about 92,622 rows: " + names.size());
    assertEquals("บางหลวงโดด1,2(01)", names.get("14055916"), "a comma the file does not quote");
  }
}
