package org.phaenthi.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Geometry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding cost alone: one subdistrict tile over Bangkok whose geometry has already been through
 * the pipeline, written to MVT bytes; decoding is measured too because server tests use it.
 *
 * <p>Run from the repository root (2 cores here, so one fork):
 *
 * <pre>
 * ./mvnw -B -pl tiles -Pjmh test-compile exec:exec -Djmh.args="MvtEncoderBenchmark -f 1 -wi 3 -i 5"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MvtEncoderBenchmark {

  @Param({"6", "10", "14"})
  public int zoom;

  private final List<BenchmarkTiles.Feature> tileFeatures = new ArrayList<>();
  private byte[] encoded;

  @Setup
  public void prepare() throws Exception {
    TileGeometryPipeline pipeline = new TileGeometryPipeline();
    TileCoord tile = BenchmarkTiles.bangkok(zoom);
    for (BenchmarkTiles.Feature f : BenchmarkTiles.candidates(tile, pipeline)) {
      Geometry g = pipeline.process(f.mercator(), tile);
      if (g != null) {
        tileFeatures.add(new BenchmarkTiles.Feature(f.code(), f.properties(), g));
      }
    }
    encoded = encode();
    System.out.printf("%d features, %d bytes%n", tileFeatures.size(), encoded.length);
  }

  @Benchmark
  public byte[] encode() {
    MvtEncoder enc = new MvtEncoder();
    MvtEncoder.Layer layer = enc.layer("subdistrict");
    for (BenchmarkTiles.Feature f : tileFeatures) {
      layer.addFeature(f.code(), f.mercator(), f.properties());
    }
    return enc.encode();
  }

  @Benchmark
  public Object decode() {
    return MvtDecoder.decode(encoded);
  }
}
