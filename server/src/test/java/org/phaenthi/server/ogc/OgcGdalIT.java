package org.phaenthi.server.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDAL's OAPIF driver (Debian's gdal-bin: {@code ogrinfo}, {@code ogr2ogr}) against the fixture
 * server, as an analyst would use it: the landing page URL with {@code indicator} and {@code year}
 * gives the values, typed, in a MultiPolygon layer, and {@code ogr2ogr} writes a GeoPackage of it
 * without {@code -nlt PROMOTE_TO_MULTI}. Skips without gdal-bin unless {@code
 * -Dphaenthi.requireIT=true}.
 */
class OgcGdalIT {
  /** The fixture's subdistricts (both provinces). */
  private static final int SUBDISTRICTS =
      OgcFixture.count(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT, "");

  @TempDir Path tmp;

  @BeforeAll
  static void gdal() throws Exception {
    boolean present;
    try {
      present = run(List.of("ogrinfo", "--version"), null).exit == 0;
    } catch (java.io.IOException e) {
      present = false;
    }
    if (!Boolean.getBoolean("phaenthi.requireIT")) {
      Assumptions.assumeTrue(present, "ogrinfo (gdal-bin) is not installed");
    }
    assertTrue(present, "phaenthi.requireIT=true but ogrinfo (gdal-bin) is missing");
  }

  record Result(int exit, String out) {}

  static Result run(List<String> cmd, Path dir) throws Exception {
    Path log = Files.createTempFile("gdal", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
    Process p = pb.start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "timed out: " + cmd);
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Result(p.exitValue(), out);
  }

  static String url() {
    String[] iy = OgcFixture.indicatorWithSubdistrictData();
    return "OAPIF:" + OgcFixture.baseUrl() + "/ogc?indicator=" + iy[0] + "&year=" + iy[1];
  }

  @Test
  void oapifWithIndicatorAndYearGivesTypedValuesInAMultiPolygonLayer() throws Exception {
    Result r = run(List.of("ogrinfo", "-ro", "-al", url(), "subdistrict"), null);
    assertEquals(0, r.exit, r.out);
    assertTrue(r.out.contains("Geometry: Multi Polygon"), r.out);
    assertTrue(
        r.out.contains("Feature Count: " + SUBDISTRICTS)
            || count(r.out, "OGRFeature(subdistrict)") == SUBDISTRICTS,
        r.out);
    // the field list GDAL derived: codes text, counts integers, the flag boolean
    assertTrue(r.out.matches("(?s).*\\ncode: String.*"), r.out);
    assertTrue(r.out.matches("(?s).*\\nparent_code: String.*"), r.out);
    assertTrue(r.out.matches("(?s).*\\nyear_be: Integer.*"), r.out);
    assertTrue(r.out.matches("(?s).*\\nnumerator: Integer(64)? .*"), r.out);
    assertTrue(r.out.matches("(?s).*\\nsmall_denominator: Integer\\(Boolean\\).*"), r.out);
    String[] iy = OgcFixture.indicatorWithSubdistrictData();
    assertEquals(SUBDISTRICTS, count(r.out, "indicator (String) = " + iy[0]), r.out);
    Matcher m = Pattern.compile("\\n  value \\(Real\\) = ([0-9.]+)").matcher(r.out);
    List<Double> values = new ArrayList<>();
    while (m.find()) {
      values.add(Double.parseDouble(m.group(1)));
    }
    assertTrue(values.size() > 0, "some features have values: " + r.out);
  }

  @Test
  void ogr2ogrWritesAConformantGeoPackageWithoutPromoteToMulti() throws Exception {
    Path gpkg = tmp.resolve("sub.gpkg");
    Result w = run(List.of("ogr2ogr", "-f", "GPKG", gpkg.toString(), url(), "subdistrict"), null);
    assertEquals(0, w.exit, w.out);
    Result r = run(List.of("ogrinfo", "-ro", "-so", gpkg.toString(), "subdistrict"), null);
    assertEquals(0, r.exit, r.out);
    assertTrue(r.out.contains("Geometry: Multi Polygon"), r.out);
    assertTrue(r.out.contains("Feature Count: " + SUBDISTRICTS), r.out);
    assertTrue(r.out.matches("(?s).*\\nvalue: Real.*"), r.out);
  }

  /**
   * {@code -where} on the OAPIF layer gives the same features as the server's CQL2 {@code filter}.
   * GDAL 3.6 evaluates it on the client (its OAPIF driver speaks only the pre-standard {@code
   * filter-lang=cql-text}), so this checks the two agree.
   */
  @Test
  void whereGivesTheFeaturesOfTheFilter() throws Exception {
    Result r =
        run(
            List.of(
                "ogrinfo", "-ro", "-al", "-where", "parent_code = '8302'", url(), "subdistrict"),
            null);
    assertEquals(0, r.exit, r.out);
    List<String> codes = new ArrayList<>();
    Matcher m = Pattern.compile("\\n  code \\(String\\) = (\\d+)").matcher(r.out);
    while (m.find()) {
      codes.add(m.group(1));
    }
    assertTrue(!codes.isEmpty(), r.out);
    assertTrue(codes.stream().allMatch(c -> c.startsWith("8302")), codes.toString());
    assertEquals(ids("parent_code = '8302'"), codes, "the server's filter agrees");
  }

  /**
   * A CQL2 spatial filter (a BBOX literal in UTM 47N, {@code filter-crs}) read by GDAL from the
   * items URL gives the features GDAL's own {@code -spat} on the OAPIF layer (the bbox parameter)
   * gives for the same box in CRS84.
   */
  @Test
  void spatialFilterAgreesWithGdalsSpatialFilter() throws Exception {
    org.phaenthi.server.export.Crs utm = org.phaenthi.server.export.Crs.parse("EPSG:32647", "crs");
    double[] lo = utm.fromCrs84(98.3, 7.8);
    double[] hi = utm.fromCrs84(98.4, 7.9);
    String cql =
        "S_INTERSECTS(geometry, BBOX(" + lo[0] + "," + lo[1] + "," + hi[0] + "," + hi[1] + "))";
    String items =
        OgcFixture.baseUrl()
            + "/ogc/collections/subdistrict/items?limit=100&filter-crs=EPSG:32647&filter="
            + org.phaenthi.server.HttpTestClient.enc(cql);
    Result filtered = run(List.of("ogrinfo", "-ro", "-al", "-so", "GeoJSON:" + items), null);
    assertEquals(0, filtered.exit, filtered.out);
    Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(filtered.out);
    assertTrue(m.find(), filtered.out);
    int n = Integer.parseInt(m.group(1));
    assertTrue(n > 0 && n < SUBDISTRICTS, filtered.out);
    Result spat =
        run(
            List.of(
                "ogrinfo",
                "-ro",
                "-al",
                "-spat",
                "98.3",
                "7.8",
                "98.4",
                "7.9",
                url(),
                "subdistrict"),
            null);
    assertEquals(0, spat.exit, spat.out);
    assertEquals(n, count(spat.out, "\n  code (String) = "), spat.out);
  }

  /** A GeoJSON download in UTM 47N opens in GDAL with that CRS and metre coordinates. */
  @Test
  void geoJsonDownloadInUtm47OpensWithThatCrs() throws Exception {
    Path file = tmp.resolve("district_utm47.geojson");
    Files.write(file, OgcFixture.http().get("/api/export/district.geojson?crs=EPSG:32647").body());
    Result r = run(List.of("ogrinfo", "-ro", "-so", file.toString(), "district"), null);
    assertEquals(0, r.exit, r.out);
    assertTrue(r.out.contains("UTM zone 47N"), r.out);
    Matcher m = Pattern.compile("Extent: \\(([0-9.]+), ([0-9.]+)\\)").matcher(r.out);
    assertTrue(m.find(), r.out);
    double easting = Double.parseDouble(m.group(1));
    assertTrue(easting > 400_000 && easting < 470_000, r.out);
  }

  /** The subdistrict codes the server's CQL2 filter selects. */
  static List<String> ids(String cql) {
    String[] iy = OgcFixture.indicatorWithSubdistrictData();
    List<String> out = new ArrayList<>();
    OgcFixture.json(
            OgcFixture.http()
                .get(
                    "/ogc/collections/subdistrict/items?limit=100&indicator="
                        + org.phaenthi.server.HttpTestClient.enc(iy[0])
                        + "&year="
                        + iy[1]
                        + "&filter="
                        + org.phaenthi.server.HttpTestClient.enc(cql)))
        .path("features")
        .forEach(f -> out.add(f.path("id").asText()));
    return out;
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
