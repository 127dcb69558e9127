package org.phaenthi.server.tiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.api.Change;
import org.phaenthi.tiles.MvtEncoder;
import org.phaenthi.tiles.MvtPropertyJoin;
import org.phaenthi.tiles.TileGeometryPipeline;

/**
 * Renders a geometry tile: query the pre-simplified geometry of the tile's zoom band → the tiles
 * pipeline (clip with buffer → tile grid → snap → orient) → MVT encoder. A tile with values is the
 * geometry tile with {@code value}, {@code numerator} and {@code denominator} joined onto its
 * features by code ({@link #join}): no geometry is touched for it. Nothing here calls back up.
 */
public final class TileRenderer implements TileSource, ValueJoin {
  private static final GeometryFactory GRID = new GeometryFactory();

  /** Fewer geometries than this are processed on the request thread alone. */
  static final int PARALLEL_FROM_FEATURES = 512;

  private final int parallelFrom;
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final TileGeometryPipeline pipeline;

  public TileRenderer(LiveData live, TileGeometryPipeline pipeline) {
    this(live, pipeline, PARALLEL_FROM_FEATURES);
  }

  /** For tests: {@code parallelFrom} geometries or more are processed in parallel. */
  TileRenderer(LiveData live, TileGeometryPipeline pipeline, int parallelFrom) {
    this.live = live::snapshot;
    this.pipeline = pipeline;
    this.parallelFrom = parallelFrom;
  }

  /**
   * Below this zoom a level's tiles carry the code but not the names. At z0–4 one subdistrict tile
   * holds most of the country's 7,425 subdistricts, each smaller than a few pixels, and their
   * unique Thai and English names alone would be ~400 KB: without them every tile stays under 500
   * KB. The names are in {@code /api/values} and {@code /api/geometry}, joined by code.
   */
  public static int namesMinZoom(AdminLevel level) {
    return level == AdminLevel.SUBDISTRICT ? 5 : 0;
  }

  @Override
  public TileKey geometryKey(TileKey valueKey) {
    return new TileKey(live.get().boundaryVersion(), valueKey.level(), valueKey.coord(), null, 0);
  }

  @Override
  public byte[] join(TileKey valueKey, byte[] geometryTile) {
    if (geometryTile.length == 0) {
      return geometryTile;
    }
    Map<String, IndicatorValue> values = values(live.get(), valueKey);
    int digits = valueKey.level().codeLength();
    return MvtPropertyJoin.join(
        geometryTile,
        valueKey.level().urlName(),
        id -> {
          IndicatorValue v = values.get(code(id, digits));
          if (v == null) {
            return null; // no data: no value properties, never 0
          }
          Map<String, Object> props = new LinkedHashMap<>(4);
          props.put("value", v.value());
          props.put("numerator", v.numerator());
          props.put("denominator", v.denominator());
          return props; // null values are left out by the join
        });
  }

  /** The area code of a feature id: the code's digits as a number, so zeros in front come back. */
  static String code(long id, int digits) {
    String s = Long.toString(id);
    return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
  }

  /**
   * The geometry tile of {@code key}: polygons with code and names, and the border layer. A key
   * with an indicator is rendered the same way (its values come from {@link #join}).
   */
  @Override
  public byte[] render(TileKey key) {
    Snapshot s = live.get();
    ZoomGeometry geometry = s.zoomGeometry(key.level(), key.coord().z());
    Envelope clip = pipeline.clipEnvelopeMeters(key.coord());
    Boundaries boundaries = s.dataset().boundaries();
    MvtEncoder encoder = new MvtEncoder();
    MvtEncoder.Layer areas = encoder.layer(key.level().urlName(), pipeline.extentPixels());
    boolean names = key.coord().z() >= namesMinZoom(key.level());
    List<String> codes = new ArrayList<>();
    List<Geometry> mercators = new ArrayList<>();
    geometry.areas(
        clip,
        (code, mercator) -> {
          codes.add(code);
          mercators.add(mercator);
        });
    MvtEncoder.EncodedGeometry[] grid = new MvtEncoder.EncodedGeometry[mercators.size()];
    parallelFor(
        grid.length,
        i -> grid[i] = MvtEncoder.encodeGeometry(pipeline.process(mercators.get(i), key.coord())));
    for (int i = 0; i < grid.length; i++) {
      MvtEncoder.EncodedGeometry g = grid[i];
      if (g == null) {
        continue;
      }
      String code = codes.get(i);
      Area a = boundaries.area(code).orElse(null);
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("code", code);
      if (a != null && names) {
        props.put("name_th", a.nameTh());
        props.put("name_en", a.nameEn());
      }
      areas.addFeature(Long.parseLong(code), g, props);
    }
    MvtEncoder.Layer borders =
        encoder.layer(key.level().urlName() + "_borders", pipeline.extentPixels());
    List<String> borderLevels = new ArrayList<>();
    List<Geometry> borderLines = new ArrayList<>();
    geometry.borders(
        clip,
        (level, mercator) -> {
          borderLevels.add(level);
          borderLines.add(mercator);
        });
    Geometry[] borderGrid = new Geometry[borderLines.size()];
    parallelFor(
        borderGrid.length, i -> borderGrid[i] = pipeline.process(borderLines.get(i), key.coord()));
    Map<String, List<LineString>> byLevel = new TreeMap<>();
    for (int i = 0; i < borderGrid.length; i++) {
      Geometry g = borderGrid[i];
      if (g != null && !g.isEmpty()) {
        List<LineString> lines =
            byLevel.computeIfAbsent(borderLevels.get(i), l -> new ArrayList<>());
        for (int j = 0; j < g.getNumGeometries(); j++) {
          lines.add((LineString) g.getGeometryN(j));
        }
      }
    }
    // One multi-line feature per border level rather than one feature per shared edge: at country
    // zooms a subdistrict tile holds ~20,000 edges, whose per-feature overhead (tags, type, an
    // absolute first move) was about a quarter of the tile. The lines are unchanged.
    byLevel.forEach(
        (level, lines) ->
            borders.addFeature(
                null,
                GRID.createMultiLineString(lines.toArray(new LineString[0])),
                Map.of("level", level)));
    return encoder.encode();
  }

  /**
   * Runs {@code body} for 0..n−1, each index writing only its own slot, so the tile's bytes do not
   * depend on threads. Country-zoom tiles hold thousands of features: those run in parallel on the
   * common fork-join pool (the request thread helps); see BENCHMARKS.md for what it saves.
   */
  private void parallelFor(int n, IntConsumer body) {
    IntStream all = IntStream.range(0, n);
    (n >= parallelFrom ? all.parallel() : all).forEach(body);
  }

  private static Map<String, IndicatorValue> values(Snapshot s, TileKey key) {
    if (key.indicator() == null) {
      return null;
    }
    IndicatorData data = s.dataset().indicators();
    if (key.compareBe() != 0) {
      return changes(data, key);
    }
    Optional<Map<String, IndicatorValue>> m =
        data.values(new SurveyYear(key.yearBe()), key.level(), key.indicator());
    return m.orElse(Map.of());
  }

  /** A change tile's values: {@code value} is the change, without counts (they are two years'). */
  private static Map<String, IndicatorValue> changes(IndicatorData data, TileKey key) {
    Indicator indicator = data.indicator(key.indicator()).orElseThrow();
    Change c = new Change(indicator, new SurveyYear(key.compareBe()), new SurveyYear(key.yearBe()));
    Map<String, IndicatorValue> out = new HashMap<>();
    c.values(data, key.level())
        .ifPresent(
            ys ->
                ys.to()
                    .forEach(
                        (code, to) -> {
                          Double d = c.of(ys.from().get(code), to);
                          if (d != null) {
                            out.put(code, new IndicatorValue(code, null, null, d, null));
                          }
                        }));
    return out;
  }
}
