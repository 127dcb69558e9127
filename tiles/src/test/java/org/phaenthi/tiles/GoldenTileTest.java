package org.phaenthi.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Phuket tiles compared with text dumps in {@code src/test/resources/golden/}. Rewrite them with
 * {@code ./mvnw -pl tiles test -Dtest=GoldenTileTest -Dgolden.update=true} and review the diff.
 */
class GoldenTileTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @BeforeAll
  static void fixturePresent() {
    assumeTrue(Files.isReadable(PhuketFixture.FILE), "fixture-83.geojson not available");
  }

  @ParameterizedTest
  @ValueSource(strings = {"8/197/122", "11/1583/979"})
  void matchesGoldenDump(String zxy) throws IOException {
    String[] p = zxy.split("/");
    TileCoord tile =
        new TileCoord(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    // A small extent keeps the golden files short enough to review.
    String dump = TileDump.dump(PhuketFixture.tile(tile, new TileGeometryPipeline(256, 8)));
    Path file = GOLDEN.resolve("phuket-" + zxy.replace('/', '-') + ".txt");
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, dump, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(file), file + " missing; run with -Dgolden.update=true");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), dump, "golden " + file);
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 8, 10, 12})
  void everyTileOfPhuketDecodesValidAndOriented(int z) {
    TileGeometryPipeline pipeline = new TileGeometryPipeline();
    TileCoord nw = TileCoord.containing(98.257939, 8.200333, z);
    TileCoord se = TileCoord.containing(98.483325, 7.478515, z);
    int features = 0;
    for (int x = nw.x(); x <= se.x(); x++) {
      for (int y = nw.y(); y <= se.y(); y++) {
        TileCoord tile = new TileCoord(z, x, y);
        List<MvtLayer> layers = MvtDecoder.decode(PhuketFixture.tile(tile, pipeline));
        for (MvtLayer layer : layers) {
          for (MvtFeature f : layer.features()) {
            Geometry g = f.geometry();
            assertTrue(g.isValid(), tile + " " + f.id() + " invalid");
            assertTrue(g.getEnvelopeInternal().getMinX() >= -64, tile + " buffer");
            assertTrue(g.getEnvelopeInternal().getMaxX() <= 4096 + 64, tile + " buffer");
            for (int i = 0; i < g.getNumGeometries(); i++) {
              Polygon poly = (Polygon) g.getGeometryN(i);
              assertTrue(Winding.doubleArea(poly.getExteriorRing().getCoordinateSequence()) > 0);
            }
            features++;
          }
        }
      }
    }
    // Every one of the 21 areas appears in at least one tile.
    assertTrue(features >= 21, "features " + features);
  }
}
