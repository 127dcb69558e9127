package org.phaenthi.server.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phaenthi.server.ogc.OgcFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.phaenthi.server.HttpTestClient;

/** {@code /collections/{id}/schema} and {@code /queryables}: JSON Schema that matches the items. */
class OgcSchemaTest {
  static final HttpTestClient http = OgcFixture.http();
  static final String[] IY = OgcFixture.indicatorWithSubdistrictData();
  static final String Q = "indicator=" + HttpTestClient.enc(IY[0]) + "&year=" + IY[1];

  static HttpResponse<byte[]> ok(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), path + " → " + new String(r.body()));
    return r;
  }

  static String link(JsonNode links, String rel) {
    for (JsonNode l : links) {
      if (l.path("rel").asText().equals(rel)) {
        assertEquals("application/schema+json", l.path("type").asText());
        URI u = URI.create(l.path("href").asText());
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
      }
    }
    throw new AssertionError("no " + rel + " in " + links);
  }

  /** The JSON types a schema property allows. */
  static Set<String> types(JsonNode prop) {
    Set<String> t = new HashSet<>();
    JsonNode type = prop.path("type");
    if (type.isArray()) {
      type.forEach(x -> t.add(x.asText()));
    } else {
      t.add(type.asText());
    }
    return t;
  }

  static String jsonType(JsonNode v) {
    if (v.isNull()) {
      return "null";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    if (v.isIntegralNumber()) {
      return "integer";
    }
    if (v.isNumber()) {
      return "number";
    }
    return v.isTextual() ? "string" : v.getNodeType().toString();
  }

  @Test
  void theCollectionLinksItsSchemaAndQueryablesAndTheyDescribeTheItems() {
    for (String level : List.of("province", "district", "subdistrict")) {
      JsonNode c = json(ok("/ogc/collections/" + level + "?" + Q));
      for (String rel :
          List.of(
              "http://www.opengis.net/def/rel/ogc/1.0/schema",
              "http://www.opengis.net/def/rel/ogc/1.0/queryables")) {
        String path = link(c.path("links"), rel);
        assertTrue(path.contains("indicator="), "carries the indicator: " + path);
        HttpResponse<byte[]> r = ok(path);
        assertTrue(OgcFixture.type(r).startsWith("application/schema+json"), OgcFixture.type(r));
        JsonNode schema = json(r);
        assertEquals(
            "https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertEquals("object", schema.path("type").asText());
        JsonNode props = schema.path("properties");
        assertEquals("geometry-multipolygon", props.path("geometry").path("format").asText());
        // every property of every feature is declared, with a JSON type the schema allows
        JsonNode items = json(ok("/ogc/collections/" + level + "/items?limit=100&" + Q));
        int checked = 0;
        for (JsonNode f : items.path("features")) {
          var it = f.path("properties").fields();
          while (it.hasNext()) {
            var e = it.next();
            JsonNode p = props.path(e.getKey());
            assertFalse(p.isMissingNode(), rel + ": undeclared property " + e.getKey());
            String t = jsonType(e.getValue());
            Set<String> allowed = types(p);
            assertTrue(
                allowed.contains(t) || (t.equals("integer") && allowed.contains("number")),
                level + " " + f.path("id") + " " + e.getKey() + "=" + e.getValue() + " vs " + p);
            checked++;
          }
        }
        assertTrue(checked > 10);
      }
    }
  }

  @Test
  void schemaRolesAndTypes() {
    JsonNode s = json(ok("/ogc/collections/subdistrict/schema?" + Q)).path("properties");
    assertEquals("id", s.path("id").path("x-ogc-role").asText());
    assertEquals("primary-geometry", s.path("geometry").path("x-ogc-role").asText());
    assertEquals(Set.of("boolean", "null"), types(s.path("small_denominator")));
    assertEquals(Set.of("string"), types(s.path("code")));
    assertEquals(Set.of("string"), types(s.path("parent_code")));
    assertEquals(Set.of("integer"), types(s.path("year_be")));
    JsonNode p = json(ok("/ogc/collections/province/schema")).path("properties");
    assertEquals(Set.of("string", "null"), types(p.path("parent_code")));
    assertTrue(p.path("value").isMissingNode(), "no indicator, no value property");
    JsonNode q = json(ok("/ogc/collections/district/queryables?" + Q));
    assertFalse(q.path("additionalProperties").asBoolean(true));
    assertTrue(q.path("properties").has("value"));
  }

  @Test
  void badInputAndHtml() {
    assertEquals(404, http.get("/ogc/collections/hamlet/schema").statusCode());
    assertEquals(400, http.get("/ogc/collections/district/queryables?colour=red").statusCode());
    assertEquals(404, http.get("/ogc/collections/district/schema?indicator=no:such").statusCode());
    String html = new String(ok("/ogc/collections/district/schema?f=html&" + Q).body());
    assertTrue(html.contains("small_denominator") && html.contains("<table"), html);
  }
}
