package org.phaenthi.tiles;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of rendering one subdistrict tile over Bangkok, after the spatial-index query: the pipeline
 * alone, the pipeline plus encoding (what a cache miss costs), and as a baseline a plain {@code
 * OverlayNG} intersection of every feature with the clip box (what the pipeline's cheap paths
 * avoid).
 *
 * <p>Run from the repository root (2 cores here, so one fork):
 *
 * <pre>
 * ./mvnw -B -pl tiles -Pjmh test-compile exec:exec -Djmh.args="TilePipelineBenchmark -f 1 -wi 3 -i 5"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TilePipelineBenchmark {

  @Param({"6", "8", "10", "12", "14"})
  public int zoom;

  private final TileGeometryPipeline pipeline = new TileGeometryPipeline();
  private TileCoord tile;
  private List<BenchmarkTiles.Feature> features;
  private Geometry clipBox;

  @Setup
  public void load() throws Exception {
    tile = BenchmarkTiles.bangkok(zoom);
    features = BenchmarkTiles.candidates(tile, pipeline);
    clipBox = new GeometryFactory().toGeometry(pipeline.clipEnvelopeMeters(tile));
  }

  @Benchmark
  public void pipeline(Blackhole bh) {
    for (BenchmarkTiles.Feature f : features) {
      bh.consume(pipeline.process(f.mercator(), tile));
    }
  }

  @Benchmark
  public byte[] pipelineAndEncode() {
    MvtEncoder enc = new MvtEncoder();
    MvtEncoder.Layer layer = enc.layer("subdistrict");
    for (BenchmarkTiles.Feature f : features) {
      layer.addFeature(f.code(), pipeline.process(f.mercator(), tile), f.properties());
    }
    return enc.encode();
  }

  @Benchmark
  public void overlayClipOnlyBaseline(Blackhole bh) {
    for (BenchmarkTiles.Feature f : features) {
      bh.consume(OverlayNGRobust.overlay(f.mercator(), clipBox, OverlayNG.INTERSECTION));
    }
  }
}
