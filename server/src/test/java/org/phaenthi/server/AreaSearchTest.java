package org.phaenthi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.SharedData;
import org.phaenthi.boundaries.load.BoundaryLoader;
import org.phaenthi.boundaries.load.PropertyMapping;

/**
 * Search over the real names (the lite boundary files: every province, district and subdistrict):
 * the spellings people type (issue 13). Each example found nothing or something else before.
 */
@SharedData
class AreaSearchTest {
  static AreaSearch search;

  @BeforeAll
  static void load() {
    var dir = TestServers.realDataDir().resolve("boundaries");
    search =
        new AreaSearch(
            new BoundaryLoader(PropertyMapping.DEFAULT)
                .load(
                    List.of(
                        dir.resolve("th-provinces-lite.geojson"),
                        dir.resolve("th-districts-lite.geojson"),
                        dir.resolve("th-subdistricts-lite.geojson")))
                .boundaries());
  }

  private static String first(String q) {
    List<Area> r = search.search(q, 10);
    assertFalse(r.isEmpty(), "nothing found for " + q);
    return r.get(0).code();
  }

  @Test
  void romanisationsFindTheProvince() {
    assertEquals("65", first("Pitsanulok"), "without the h of ph");
    assertEquals("65", first("phitsanulok"));
    assertEquals("50", first("chiangmai"), "without the space");
    assertEquals("50", first("Chiang-Mai"));
    assertEquals("30", first("Korat"), "Nakhon Ratchasima's everyday name");
    assertEquals("30", first("Khorat"));
  }

  @Test
  void typosFindTheClosestName() {
    assertEquals("65", first("Phitsanulk"));
    assertEquals("50", first("Chiengmai"));
    assertEquals("65", first("พิษณุโลค"), "a Thai typo");
    assertTrue(search.search("xqzwv", 10).isEmpty(), "nonsense finds nothing");
  }

  @Test
  void thaiLevelPrefixesKeepThatLevel() {
    List<Area> p = search.search("จ.พิษณุโลก", 10);
    assertEquals("65", p.get(0).code());
    assertTrue(p.stream().allMatch(a -> a.level() == AdminLevel.PROVINCE), p.toString());
    List<Area> d = search.search("อ.เมืองพิษณุโลก", 10);
    assertEquals("6501", d.get(0).code());
    assertTrue(d.stream().allMatch(a -> a.level() == AdminLevel.DISTRICT));
    List<Area> t = search.search("ต.ในเมือง", 10);
    assertFalse(t.isEmpty());
    assertTrue(t.stream().allMatch(a -> a.level() == AdminLevel.SUBDISTRICT), t.toString());
    assertEquals("6501", search.search("อำเภอเมืองพิษณุโลก", 5).get(0).code());
    assertEquals("6501", search.search("amphoe mueang phitsanulok", 5).get(0).code());
    assertTrue(search.search("จ.", 5).isEmpty() || search.search("จ.", 5).size() <= 5);
  }

  @Test
  void exactNamesStillComeFirst() {
    assertEquals("65", first("พิษณุโลก"));
    assertEquals("10", first("Bangkok"));
    assertEquals("10", first("bkk"));
  }
}
