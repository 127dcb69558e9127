package org.phaenthi.tiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Benchmark input: the subdistricts of one tile over Bangkok, already selected by envelope, as the
 * server's spatial index would hand them to the pipeline. Zooms up to 9 use the lite (200 m) file
 * and higher zooms the medium (20 m) file, as the data README recommends.
 */
final class BenchmarkTiles {
  static final Path DATA = Path.of(System.getProperty("phaenthi.data", "/work/shared/data/boundaries"));
  static final double BANGKOK_LON = 100.5018;
  static final double BANGKOK_LAT = 13.7563;

  record Feature(long code, Map<String, Object> properties, Geometry mercator) {}

  private BenchmarkTiles() {}

  static TileCoord bangkok(int z) {
    return TileCoord.containing(BANGKOK_LON, BANGKOK_LAT, z);
  }

  /** Subdistricts whose envelope meets the tile's clip box. */
  static List<Feature> candidates(TileCoord tile, TileGeometryPipeline pipeline)
      throws IOException, ParseException {
    String file = tile.z() <= 9 ? "th-subdistricts-lite.geojson" : "th-subdistricts.geojson";
    Envelope clip = pipeline.clipEnvelopeMeters(tile);
    Envelope lonLatClip =
        new Envelope(
            WebMercator.xToLon(clip.getMinX()),
            WebMercator.xToLon(clip.getMaxX()),
            WebMercator.yToLat(clip.getMinY()),
            WebMercator.yToLat(clip.getMaxY()));
    JsonNode root = new ObjectMapper().readTree(DATA.resolve(file).toFile());
    GeoJsonReader reader = new GeoJsonReader();
    List<Feature> out = new ArrayList<>();
    long vertices = 0;
    for (JsonNode f : root.get("features")) {
      Geometry lonLat = reader.read(f.get("geometry").toString());
      if (!lonLatClip.intersects(lonLat.getEnvelopeInternal())) {
        continue;
      }
      JsonNode p = f.get("properties");
      String code = p.get("code").asText();
      out.add(
          new Feature(
              Long.parseLong(code),
              Map.of("code", code, "name_en", p.get("name_en").asText()),
              WebMercator.toMercator(lonLat)));
      vertices += lonLat.getNumPoints();
    }
    System.out.printf("%n%s tile %s: %d subdistricts, %d vertices%n", file, tile, out.size(), vertices);
    return out;
  }
}
