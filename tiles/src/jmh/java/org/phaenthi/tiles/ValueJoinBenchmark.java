package org.phaenthi.tiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A value tile against its geometry tile: one subdistrict tile over Bangkok rendered from geometry
 * (pipeline + encoder, what a geometry-tile miss costs after the index query) against the same
 * tile's values joined onto the encoded bytes with {@link MvtPropertyJoin} (what a value-tile miss
 * costs once the geometry tile is cached). The {@code …Cached} variants add what the server's
 * cache does around each: gzip of the result, and for the join the gunzip of the cached geometry
 * tile first.
 *
 * <p>Run from the repository root (2 cores here, so one fork):
 *
 * <pre>
 * ./mvnw -B -pl tiles -Pjmh test-compile exec:exec -Djmh.args="ValueJoinBenchmark -f 1 -wi 3 -i 5"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValueJoinBenchmark {

  @Param({"6", "10", "14"})
  public int zoom;

  private final TileGeometryPipeline pipeline = new TileGeometryPipeline();
  private TileCoord tile;
  private List<BenchmarkTiles.Feature> features;
  private byte[] geometryTile;
  private byte[] geometryGzip;
  private final Map<Long, Map<String, Object>> values = new HashMap<>();

  @Setup
  public void load() throws Exception {
    tile = BenchmarkTiles.bangkok(zoom);
    features = BenchmarkTiles.candidates(tile, pipeline);
    for (BenchmarkTiles.Feature f : features) {
      double denominator = 100 + f.code() % 900;
      double numerator = f.code() % 97;
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("value", numerator / denominator * 100);
      v.put("numerator", numerator);
      v.put("denominator", denominator);
      values.put(f.code(), v);
    }
    geometryTile = geometry();
    geometryGzip = gzip(geometryTile);
    System.out.printf(
        "%d features, geometry tile %d bytes, value tile %d bytes%n",
        features.size(), geometryTile.length, join().length);
  }

  @Benchmark
  public byte[] geometry() {
    MvtEncoder enc = new MvtEncoder();
    MvtEncoder.Layer layer = enc.layer("subdistrict");
    for (BenchmarkTiles.Feature f : features) {
      layer.addFeature(f.code(), pipeline.process(f.mercator(), tile), f.properties());
    }
    return enc.encode();
  }

  @Benchmark
  public byte[] join() {
    return MvtPropertyJoin.join(geometryTile, "subdistrict", values::get);
  }

  @Benchmark
  public byte[] geometryCached() {
    return gzip(geometry());
  }

  @Benchmark
  public byte[] joinCached() {
    return gzip(MvtPropertyJoin.join(gunzip(geometryGzip), "subdistrict", values::get));
  }

  private static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] gz) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
