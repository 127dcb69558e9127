package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.ogc.OgcFixture;

/**
 * {@code /api/indicators} says how each indicator's values are made ({@code derivation}), over the
 * committed two-province fixture imported by the real importer: TPMAP's target-poor rate is a
 * derived rate of two count indicators, happiness a weighted mean, households surveyed a plain
 * count.
 */
class IndicatorDerivationTest {
  private static final HttpTestClient HTTP = OgcFixture.http();
  private static final JsonNode INDICATORS = HTTP.json("/api/indicators").get("indicators");

  private static JsonNode indicator(String code) {
    for (JsonNode i : INDICATORS) {
      if (i.get("code").asText().equals(code)) {
        return i;
      }
    }
    throw new AssertionError(code + " is not in /api/indicators");
  }

  private static JsonNode province(String code, String indicator) {
    JsonNode values =
        HTTP.json("/api/values?level=province&year=2561&indicator=" + HttpTestClient.enc(indicator))
            .get("values");
    for (JsonNode v : values) {
      if (v.get("code").asText().equals(code)) {
        return v;
      }
    }
    throw new AssertionError(indicator + " has no value for province " + code);
  }

  @Test
  void aDerivedRateNamesItsTwoCountIndicators() {
    JsonNode rate = indicator("tpmap:target_poor_rate");
    assertEquals("rate", rate.get("derivation").asText());
    assertEquals("tpmap:target_poor", rate.get("numerator_code").asText());
    assertEquals("tpmap:people_surveyed", rate.get("denominator_code").asText());
    // the codes are served indicators, both counts
    assertEquals("count", indicator("tpmap:target_poor").get("kind").asText());
    assertEquals("count", indicator("tpmap:people_surveyed").get("kind").asText());
    // and the rate is made of their summed counts (Phuket)
    JsonNode r = province("83", "tpmap:target_poor_rate");
    double poor = province("83", "tpmap:target_poor").get("value").asDouble();
    double people = province("83", "tpmap:people_surveyed").get("value").asDouble();
    assertTrue(people > 0);
    assertEquals(poor, r.get("numerator").asDouble());
    assertEquals(people, r.get("denominator").asDouble());
    assertEquals(poor / people * 100, r.get("value").asDouble(), 1e-9);
  }

  @Test
  void aWeightedMeanIsNamedWithoutIndicatorCodes() {
    JsonNode happiness = indicator("tpmap:happiness");
    assertEquals("weighted_mean", happiness.get("kind").asText());
    assertEquals("weighted_mean", happiness.get("derivation").asText());
    // its numerator and denominator are value-file columns, not indicators
    assertTrue(happiness.has("numerator_code"));
    assertTrue(happiness.get("numerator_code").isNull());
    assertTrue(happiness.get("denominator_code").isNull());
    JsonNode v = province("83", "tpmap:happiness");
    assertEquals(
        v.get("numerator").asDouble() / v.get("denominator").asDouble(),
        v.get("value").asDouble(),
        1e-9);
  }

  @Test
  void openApiDocumentsEveryFieldServed() throws Exception {
    JsonNode schema;
    try (InputStream in = getClass().getResourceAsStream("/phaenthi-ogc/openapi.json")) {
      schema = Json.MAPPER.readTree(in).at("/components/schemas/Indicator/properties");
    }
    Set<String> documented = new TreeSet<>();
    schema.fieldNames().forEachRemaining(documented::add);
    for (JsonNode i : INDICATORS) {
      Set<String> served = new TreeSet<>();
      i.fieldNames().forEachRemaining(served::add);
      assertEquals(documented, served, i.get("code").asText());
    }
  }

  @Test
  void aPlainCountHasNoDerivation() {
    JsonNode households = indicator("tpmap:households_surveyed");
    assertEquals("count", households.get("kind").asText());
    assertTrue(households.has("derivation"), "the field is there, null");
    assertTrue(households.get("derivation").isNull());
    assertTrue(households.get("numerator_code").isNull());
    assertTrue(households.get("denominator_code").isNull());
    // a rate imported from count columns of its own (BMN pass rate) is not derived either
    JsonNode bmn = indicator("bmn-2560:1");
    assertEquals("percent", bmn.get("kind").asText());
    assertTrue(bmn.get("derivation").isNull());
  }
}
