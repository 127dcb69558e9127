package org.phaenthi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;

/**
 * The search cases the server and the static bundle must answer alike: {@code
 * web/src/test/resources/search-cases.json} lists real names (every province; the districts and
 * some subdistricts of five of them) and, per query, the codes expected in order; {@code
 * web/src/test/js/area-search.test.mjs} runs the same file through the bundle's {@code
 * area-search.js}. A change to {@link AreaSearch} that moves a result fails here until the file is
 * rewritten ({@code -Dsearch.update=true}, then review the diff), and then fails in Node until the
 * port follows.
 */
class AreaSearchCasesTest {
  static final Path CASES = Path.of("..", "web", "src", "test", "resources", "search-cases.json");
  private static final GeometryFactory GF = new GeometryFactory();

  @Test
  void theServerAnswersEveryCaseAsRecorded() throws IOException {
    JsonNode file = Json.MAPPER.readTree(Files.readAllBytes(CASES));
    int limit = file.path("limit").asInt();
    List<Area> areas = new ArrayList<>();
    for (JsonNode a : file.path("areas")) {
      AdminLevel level = AdminLevel.named(a.path("level").asText());
      // the search reads names and levels only; a unit square stands in for the polygon
      areas.add(
          new Area(
              a.path("code").asText(),
              a.path("name_th").asText(),
              a.path("name_en").isNull() ? null : a.path("name_en").asText(),
              a.path("parent_code").isNull() ? null : a.path("parent_code").asText(),
              level,
              level.hasGeometry() ? square() : null));
    }
    AreaSearch search = new AreaSearch(areas);
    Map<String, List<String>> actual = new LinkedHashMap<>();
    for (JsonNode c : file.path("cases")) {
      String q = c.path("q").asText();
      actual.put(q, search.search(q, limit).stream().map(Area::code).toList());
    }
    if (Boolean.getBoolean("search.update")) {
      write(file, actual);
      return;
    }
    for (JsonNode c : file.path("cases")) {
      List<String> expected = new ArrayList<>();
      c.path("expect").forEach(e -> expected.add(e.asText()));
      assertEquals(expected, actual.get(c.path("q").asText()), "search for " + c.path("q"));
    }
    assertTrue(file.path("cases").size() >= 20, "the cases are there");
  }

  private static org.locationtech.jts.geom.Polygon square() {
    return GF.createPolygon(
        new Coordinate[] {
          new Coordinate(100, 13),
          new Coordinate(101, 13),
          new Coordinate(101, 14),
          new Coordinate(100, 14),
          new Coordinate(100, 13)
        });
  }

  /** Rewrites the expectations, one area and one case a line, so a diff reads case by case. */
  private static void write(JsonNode file, Map<String, List<String>> actual) throws IOException {
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"about\": ").append(Json.MAPPER.writeValueAsString(file.path("about").asText()));
    out.append(",\n  \"limit\": ").append(file.path("limit").asInt()).append(",\n");
    out.append("  \"levels\": ").append(Json.MAPPER.writeValueAsString(file.path("levels")));
    out.append(",\n");
    out.append("  \"cases\": [\n");
    List<String> lines = new ArrayList<>();
    actual.forEach(
        (q, codes) -> {
          try {
            lines.add(
                "    {\"q\": "
                    + Json.MAPPER.writeValueAsString(q)
                    + ", \"expect\": "
                    + Json.MAPPER.writeValueAsString(codes)
                    + "}");
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
    out.append(String.join(",\n", lines)).append("\n  ],\n  \"areas\": [\n");
    List<String> areas = new ArrayList<>();
    for (JsonNode a : file.path("areas")) {
      areas.add("    " + Json.MAPPER.writeValueAsString(a));
    }
    out.append(String.join(",\n", areas)).append("\n  ]\n}\n");
    Files.writeString(CASES, out, StandardCharsets.UTF_8);
  }
}
