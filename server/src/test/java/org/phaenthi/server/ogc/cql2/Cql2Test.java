package org.phaenthi.server.ogc.cql2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.phaenthi.server.ApiException;

/**
 * cql2-text and cql2-json, with examples after OGC 21-065r2 (CQL2) Annex B, on properties typed as
 * the items' queryables.
 */
class Cql2Test {
  static final Map<String, Cql2.Type> Q = new LinkedHashMap<>();

  static {
    Q.put("city", Cql2.Type.STRING);
    Q.put("cityName", Cql2.Type.STRING);
    Q.put("name", Cql2.Type.STRING);
    Q.put("depth", Cql2.Type.NUMBER);
    Q.put("value", Cql2.Type.NUMBER);
    Q.put("small_denominator", Cql2.Type.BOOLEAN);
  }

  static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static boolean text(String filter, Map<String, Object> row) {
    return Cql2.parse(filter, null, Q).test(row);
  }

  static boolean json(String filter, Map<String, Object> row) {
    return Cql2.parse(filter, Cql2.JSON, Q).test(row);
  }

  static ApiException bad(String filter, String lang) {
    return assertThrows(ApiException.class, () -> Cql2.parse(filter, lang, Q), filter);
  }

  @Test
  void comparisonsFromTheStandard() {
    Map<String, Object> toronto = row("city", "Toronto", "depth", 120.0, "value", 7L);
    assertTrue(text("city='Toronto'", toronto));
    assertFalse(text("city<>'Toronto'", toronto));
    assertTrue(text("depth > 100 AND depth <= 120", toronto));
    assertTrue(text("\"depth\" >= 120.0", toronto));
    assertTrue(text("value = 7", toronto), "a Long property equals a number literal");
    assertTrue(text("depth < 1.5e3", toronto));
    assertTrue(json("{\"op\":\"=\",\"args\":[{\"property\":\"city\"},\"Toronto\"]}", toronto));
    assertTrue(json("{\"op\":\">\",\"args\":[{\"property\":\"depth\"},100]}", toronto));
  }

  @Test
  void logicalOperatorsAndParentheses() {
    Map<String, Object> r = row("city", "Toronto", "depth", 120.0);
    assertTrue(text("NOT (city = 'Tokyo')", r));
    assertTrue(text("city = 'Tokyo' OR (depth > 100 AND city = 'Toronto')", r));
    assertFalse(text("(city = 'Tokyo' OR depth > 100) AND city = 'Paris'", r));
    assertTrue(text("city = 'Toronto' or depth > 1000 and city = 'x'"), "AND binds tighter");
    assertTrue(text("TRUE", r));
    assertFalse(text("false", r));
    assertTrue(
        json(
            "{\"op\":\"and\",\"args\":[{\"op\":\"not\",\"args\":[{\"op\":\"=\",\"args\":"
                + "[{\"property\":\"city\"},\"Tokyo\"]}]},{\"op\":\"<\",\"args\":"
                + "[{\"property\":\"depth\"},150]}]}",
            r));
  }

  private static boolean text(String f) {
    return text(f, row("city", "Toronto", "depth", 120.0));
  }

  @Test
  void likeBetweenInIsNull() {
    Map<String, Object> r = row("name", "Smithers", "cityName", "Tokyo", "depth", 120.0);
    assertTrue(text("name LIKE 'Smith%'", r));
    assertTrue(text("name like 'Smith_rs'", r));
    assertFalse(text("name NOT LIKE 'Smith%'", r));
    assertFalse(text("name LIKE 'smith%'", r), "LIKE is case-sensitive");
    assertTrue(text("name LIKE 'Smith\\%ers' OR name LIKE '%ers'", r));
    assertTrue(text("depth BETWEEN 100.0 and 150.0", r));
    assertFalse(text("depth NOT BETWEEN 100 AND 150", r));
    assertTrue(text("cityName IN ('Toronto','Frankfurt','Tokyo','New York')", r));
    assertFalse(text("cityName NOT IN ('Tokyo')", r));
    assertTrue(text("value IS NULL", r));
    assertFalse(text("depth IS NULL", r));
    assertTrue(text("depth IS NOT NULL", r));
    assertTrue(json("{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"Smith%\"]}", r));
    assertTrue(json("{\"op\":\"between\",\"args\":[{\"property\":\"depth\"},100.0,150.0]}", r));
    assertTrue(
        json("{\"op\":\"in\",\"args\":[{\"property\":\"cityName\"},[\"Toronto\",\"Tokyo\"]]}", r));
    assertTrue(json("{\"op\":\"isNull\",\"args\":[{\"property\":\"value\"}]}", r));
  }

  /** A missing value is unknown, not 0: no comparison selects it, nor its negation. */
  @Test
  void missingValuesAreUnknownNotZero() {
    Map<String, Object> missing = row("value", null);
    assertFalse(text("value < 10", missing));
    assertFalse(text("NOT (value < 10)", missing));
    assertFalse(text("value = 0", missing));
    assertFalse(text("value BETWEEN -1 AND 1", missing));
    assertFalse(text("value IN (0, 1)", missing));
    assertTrue(text("value < 10 OR value IS NULL", missing));
    assertFalse(text("value < 10 AND FALSE", missing));
    assertTrue(text("TRUE OR value < 10", missing));
  }

  @Test
  void unsupportedExpressionsNameTheToken() {
    assertMessage(bad("T_INTERSECTS(updated, INTERVAL('2020', '2021'))", null), "'T_INTERSECTS'");
    assertMessage(bad("avg(depth) < 4", null), "'avg'");
    assertMessage(bad("updated >= date('1970-01-01')", null), "'date'");
    assertMessage(bad("depth + 1 > 2", null), "'+'");
    assertMessage(bad("depth > ", null), "end of filter");
    assertMessage(bad("city = 'Toronto' AND", null), "end of filter");
    assertMessage(bad("city == 'x'", null), "'='");
    assertMessage(
        bad("{\"op\":\"t_intersects\",\"args\":[{\"property\":\"updated\"},{}]}", Cql2.JSON),
        "'t_intersects'");
    assertMessage(bad("{\"op\":\"=\",\"args\":[1]}", Cql2.JSON), "2 args");
    assertMessage(bad("not json", Cql2.JSON), "not JSON");
    for (ApiException e : List.of(bad("depth >", null), bad("x", Cql2.JSON))) {
      assertEquals(400, e.status());
      assertTrue(e.getMessage().startsWith("parameter 'filter'"), e.getMessage());
    }
    ApiException lang = bad("a = 1", "cql-text");
    assertTrue(lang.getMessage().contains("'filter-lang'"), lang.getMessage());
  }

  @Test
  void propertiesAndTypesAreChecked() {
    assertMessage(bad("population > 1", null), "unknown property 'population'");
    assertMessage(bad("city = 83", null), "quote");
    assertMessage(bad("depth = '83'", null), "property 'depth' is a number");
    assertMessage(bad("depth LIKE '1%'", null), "LIKE needs a string");
    assertMessage(bad("cityName IN ('a', 1)", null), "IN");
    assertMessage(bad("small_denominator BETWEEN TRUE AND FALSE", null), "BETWEEN");
    assertTrue(text("small_denominator = TRUE", row("small_denominator", true)));
  }

  static void assertMessage(ApiException e, String part) {
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains(part), e.getMessage() + " should contain " + part);
  }
}
