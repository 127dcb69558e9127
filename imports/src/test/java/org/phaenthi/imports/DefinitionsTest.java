package org.phaenthi.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.IndicatorSet;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.ValueKind;
import org.phaenthi.boundaries.store.EmbeddedStore;

/**
 * An indicator-definitions file of the 38 bmn-2566 indicators (no file in the data lists their
 * names, so they are written here with distinct values in every field) creates the set with every
 * field as its own field, the Thai and English definitions apart; the set survives the store; a
 * second file extends it.
 */
class DefinitionsTest {
  @TempDir Path tmp;

  static final String HEADER =
      "code,name_th,name_en,unit,kind,higher_is_better,definition_th,definition_en,category_code,category_th,category_en\n";

  static String row(int k) {
    String unit = k % 2 == 0 ? "household" : "person";
    String kind = k == 37 ? "count" : k == 38 ? "weighted_mean" : "percent";
    String higher = k % 3 == 0 ? "false" : "true";
    int cat = (k - 1) / 8 + 1;
    return k
        + ",ตัวชี้วัดที่ "
        + k
        + ",Indicator "
        + k
        + ","
        + unit
        + ","
        + kind
        + ","
        + higher
        + ",นิยามภาษาไทยข้อ "
        + k
        + ",English definition "
        + k
        + ",H"
        + cat
        + ",หมวด "
        + cat
        + ",Category "
        + cat
        + "\n";
  }

  static Upload check(String file, Dataset d) {
    return Importer.check(
        file.getBytes(StandardCharsets.UTF_8),
        "bmn-2566-definitions.csv",
        new Overrides(null, null, null, null, null, "bmn-2566", null, null, null, null),
        Fixture.all(d));
  }

  @Test
  void thirtyEightDefinitionsCreateTheSetWithEveryFieldApart() {
    StringBuilder file = new StringBuilder(HEADER);
    for (int k = 1; k <= 38; k++) {
      file.append(row(k));
    }
    Dataset phuket = Fixture.phuket();
    Upload u = check(file.toString(), phuket);
    assertEquals(Format.INDICATORS, u.detection().format());
    assertEquals(0, u.report().errors(), u.report().issues().toString());
    assertEquals(38, u.definitions().size());
    Dataset after = Dataset.unsaved(Importer.draft(phuket, u, "test", "bmn-2566"));
    IndicatorSet set = set(after, "bmn-2566");
    assertEquals(38, set.indicators().size());
    for (int k = 1; k <= 38; k++) {
      Indicator i = set.indicators().get(k - 1);
      assertEquals("bmn-2566:" + k, i.code());
      assertEquals("bmn-2566", i.set());
      assertEquals("ตัวชี้วัดที่ " + k, i.nameTh());
      assertEquals("Indicator " + k, i.nameEn());
      assertEquals(k % 2 == 0 ? "household" : "person", i.unit());
      assertEquals(
          k == 37 ? ValueKind.COUNT : k == 38 ? ValueKind.WEIGHTED_MEAN : ValueKind.PERCENT,
          i.kind());
      assertEquals(k % 3 != 0, i.higherIsBetter());
      assertEquals("นิยามภาษาไทยข้อ " + k, i.definitionTh());
      assertEquals("English definition " + k, i.definition());
      int cat = (k - 1) / 8 + 1;
      assertEquals("H" + cat, i.categoryCode());
      assertEquals("หมวด " + cat, i.categoryTh());
      assertEquals("Category " + cat, i.categoryEn());
    }

    // the set as the embedded store keeps it: every field read back
    try (EmbeddedStore store = new EmbeddedStore(tmp.resolve("store"))) {
      store.publish(Importer.draft(phuket, u, "test", "bmn-2566"));
      assertEquals(set.indicators(), set(store.load(), "bmn-2566").indicators());
    }

    // a second file extends it: indicator 8 reworded, a 39th added, the other 37 kept
    String more =
        HEADER
            + "8,ครัวเรือนดูแลตนเองเมื่อเจ็บป่วย,Households care for themselves when ill,household,percent,true,ผ่าน/สำรวจ,,H2,หมวด 2,Category 2\n"
            + row(39);
    Upload v = check(more, after);
    assertEquals(0, v.report().errors(), v.report().issues().toString());
    Dataset extended = Dataset.unsaved(Importer.draft(after, v, "test", "bmn-2566 more"));
    IndicatorSet ext = set(extended, "bmn-2566");
    assertNotEquals(set.id(), ext.id());
    assertEquals(39, ext.indicators().size());
    Indicator eight = ext.indicators().get(7);
    assertEquals("ครัวเรือนดูแลตนเองเมื่อเจ็บป่วย", eight.nameTh());
    assertEquals("ผ่าน/สำรวจ", eight.definitionTh());
    assertNull(eight.definition(), "no English definition given: none, not the Thai one");
    assertEquals("bmn-2566:39", ext.indicators().get(38).code());
    assertEquals(
        set.indicators().stream().filter(i -> !i.code().equals("bmn-2566:8")).toList(),
        ext.indicators().stream()
            .filter(i -> !List.of("bmn-2566:8", "bmn-2566:39").contains(i.code()))
            .toList());
  }

  private static IndicatorSet set(Dataset d, String name) {
    return d.indicatorSets().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }
}
