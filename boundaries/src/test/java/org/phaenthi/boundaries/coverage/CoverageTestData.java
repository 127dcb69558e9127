package org.phaenthi.boundaries.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.TestData;

/**
 * Reads the shared boundary files into {@link Area}s without the loader package, so these tests do
 * not depend on code that is changing in parallel.
 */
final class CoverageTestData {
  private CoverageTestData() {}

  static List<Area> fixture83(AdminLevel level) throws IOException {
    return read(TestData.fixture83(), level);
  }

  static List<Area> medium(AdminLevel level) throws IOException {
    return read(TestData.dir().resolve("boundaries/th-" + level.urlName() + "s.geojson"), level);
  }

  static List<Area> read(Path file, AdminLevel level) throws IOException {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = new ObjectMapper().readTree(in);
    }
    GeoJsonReader reader = new GeoJsonReader();
    List<Area> out = new ArrayList<>();
    for (JsonNode f : root.get("features")) {
      JsonNode p = f.get("properties");
      if (!level.urlName().equals(p.get("level").asText())) {
        continue;
      }
      Geometry g;
      try {
        g = reader.read(f.get("geometry").toString());
      } catch (ParseException e) {
        throw new IOException(e);
      }
      String parent = p.get("parent_code").isNull() ? null : p.get("parent_code").asText();
      out.add(
          new Area(
              p.get("code").asText(),
              p.get("name_th").asText(),
              p.get("name_en").asText(),
              parent,
              level,
              g));
    }
    return out;
  }

  /** An area from WKT in lon/lat. */
  static Area area(String code, AdminLevel level, String wkt) {
    try {
      return new Area(code, code, code, null, level, new WKTReader().read(wkt));
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
