package org.phaenthi.tiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** The Phuket fixture (1 province, 3 districts, 17 subdistricts), read once, in Web Mercator. */
final class PhuketFixture {
  static final Path FILE =
      Path.of("../boundaries/src/test/fixture-data/boundaries/fixture-83.geojson");

  /** One boundary feature: its level (the layer name), properties and geometry in metres. */
  record Area(String level, long code, Map<String, Object> properties, Geometry mercator) {}

  private static List<Area> areas;

  private PhuketFixture() {}

  static synchronized List<Area> areas() {
    if (areas == null) {
      areas = read();
    }
    return areas;
  }

  private static List<Area> read() {
    try {
      JsonNode root = new ObjectMapper().readTree(Files.readString(FILE));
      GeoJsonReader reader = new GeoJsonReader();
      List<Area> out = new ArrayList<>();
      for (JsonNode f : root.get("features")) {
        JsonNode p = f.get("properties");
        Map<String, Object> props = new LinkedHashMap<>();
        for (String key : List.of("code", "name_en", "name_th", "parent_code")) {
          if (!p.get(key).isNull()) {
            props.put(key, p.get(key).asText());
          }
        }
        Geometry lonLat = reader.read(f.get("geometry").toString());
        out.add(
            new Area(
                p.get("level").asText(),
                Long.parseLong(p.get("code").asText()),
                props,
                WebMercator.toMercator(lonLat)));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("bad geometry in " + FILE, e);
    }
  }

  /** Encodes one tile of the fixture, one layer per level, with the given pipeline. */
  static byte[] tile(TileCoord tile, TileGeometryPipeline pipeline) {
    MvtEncoder enc = new MvtEncoder();
    for (Area a : areas()) {
      Geometry g = pipeline.process(a.mercator(), tile);
      enc.layer(a.level(), pipeline.extentPixels()).addFeature(a.code(), g, a.properties());
    }
    return enc.encode();
  }
}
