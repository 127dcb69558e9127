package org.phaenthi.server.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.LoadReport;
import org.phaenthi.boundaries.coverage.CoverageBandBuilder;
import org.phaenthi.boundaries.load.DerivedData;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.TestServers;
import org.phaenthi.tiles.MvtDecoder;
import org.phaenthi.tiles.MvtLayer;
import org.phaenthi.tiles.TileCoord;
import org.phaenthi.tiles.TileGeometryPipeline;

/**
 * Proof that served tiles are gap-free: every tile over the two fixture provinces (Phuket, islands;
 * Samut Songkhram, mainland) at z4–z12, for each level, rendered by the real {@link TileRenderer}
 * from the real coverage bands and decoded again, has valid polygons without zero-area rings,
 * neighbours that overlap by no more than grid rounding, no gaps inside the level's shape beyond
 * grid rounding, and each border segment once and on a polygon edge. (Below z4 distinct subdistrict
 * borders of Phuket fall onto the same grid segments.) The two provinces share no border (Phuket
 * touches no other province), so what crosses between them is checked as such: no province-rank
 * line, each outer edge the country's, and tiles holding both.
 *
 * <p>The checks are shown to bite: the same tiles with each feature simplified on its own (what a
 * per-feature simplifier does) and with the border layer doubled are rejected.
 */
class NeighbourBordersTest {
  /** Area, in square grid units, that rounding vertices to the integer grid may move. */
  static final double ROUNDING_AREA = 4.0;

  static final int MIN_ZOOM = 4;
  static final int MAX_ZOOM = 12;
  static final List<AdminLevel> LEVELS =
      List.of(AdminLevel.PROVINCE, AdminLevel.DISTRICT, AdminLevel.SUBDISTRICT);
  static final GeometryFactory GRID = new GeometryFactory();
  static final TileGeometryPipeline PIPELINE = new TileGeometryPipeline();

  static Boundaries boundaries;
  static LiveData live;
  static TileRenderer renderer;
  static double maxOverlap;
  static double maxGap;
  static double maxSpill;
  static int segments;
  static int offEdge;

  @BeforeAll
  static void importBands() {
    boundaries = TestServers.twoProvinces();
    Map<String, byte[]> blobs = new LinkedHashMap<>();
    for (AdminLevel level : AdminLevel.standard()) {
      blobs.put(
          DerivedData.bandsKey(level),
          CoverageBandBuilder.build(level, boundaries.areas(level)).toBytes());
    }
    Dataset ds =
        Dataset.of(
            "neighbours",
            Instant.EPOCH,
            boundaries,
            TestServers.indicators(),
            blobs,
            new LoadReport(Map.of()));
    live = new LiveData(ds);
    renderer = new TileRenderer(live, PIPELINE);
  }

  @Test
  void parallelRenderingGivesTheSameBytesAsSequential() {
    TileRenderer parallel = new TileRenderer(live, PIPELINE, 1);
    TileRenderer sequential = new TileRenderer(live, PIPELINE, Integer.MAX_VALUE);
    int compared = 0;
    for (AdminLevel level : AdminLevel.standard()) {
      for (int z = 0; z <= 14; z += 2) {
        for (TileCoord c : tiles(z)) {
          for (TileKey key :
              List.of(
                  new TileKey("neighbours", level, c, null, 0),
                  new TileKey("neighbours", level, c, "test:rate", 2561))) {
            byte[] one = sequential.render(key);
            assertTrue(java.util.Arrays.equals(one, parallel.render(key)), key.toString());
            compared += one.length > 0 ? 1 : 0;
          }
        }
      }
    }
    assertTrue(compared > 50, "non-empty tiles compared: " + compared);
  }

  /**
   * The tiles over each province's bounding box at zoom z (not over the box of both, which is
   * mostly sea and plain between them).
   */
  static List<TileCoord> tiles(int z) {
    java.util.TreeMap<String, TileCoord> out = new java.util.TreeMap<>();
    for (org.phaenthi.boundaries.Area p : boundaries.areas(AdminLevel.PROVINCE)) {
      for (TileCoord c : TileCoord.covering(p.bbox(), z)) {
        out.put(c.toString(), c);
      }
    }
    return List.copyOf(out.values());
  }

  @Test
  void theTwoProvincesShareNoBorderAndBothAreInTheCheckedTiles() {
    assertEquals(
        List.of("75", "83"),
        boundaries.areas(AdminLevel.PROVINCE).stream()
            .map(org.phaenthi.boundaries.Area::code)
            .sorted()
            .toList());
    for (int z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
      Set<Object> ranks = new HashSet<>();
      Set<String> provincesDrawn = new HashSet<>();
      int together = 0;
      for (TileCoord c : tiles(z)) {
        byte[] bytes = renderer.render(new TileKey("neighbours", AdminLevel.PROVINCE, c, null, 0));
        Set<String> here = new HashSet<>();
        for (MvtLayer layer : MvtDecoder.decode(bytes)) {
          for (var f : layer.features()) {
            if (layer.name().equals("province_borders")) {
              ranks.add(f.properties().get("level"));
            } else {
              here.add(String.valueOf(f.properties().get("code")));
            }
          }
        }
        provincesDrawn.addAll(here);
        together += here.size() == 2 ? 1 : 0;
      }
      assertEquals(Set.of("75", "83"), provincesDrawn, "z" + z);
      // no province-rank line: the only borders of the province layer are the outer edges
      assertEquals(Set.of("country"), ranks, "z" + z);
      if (z == MIN_ZOOM) {
        assertTrue(together > 0, "z" + z + ": a tile holds both provinces");
      }
    }
  }

  @Test
  void everyTileOverBothProvincesIsGapFreeWithBordersOnce() {
    maxOverlap = maxGap = maxSpill = segments = offEdge = 0;
    List<String> problems = new ArrayList<>();
    int tiles = 0;
    int features = 0;
    for (AdminLevel level : LEVELS) {
      for (int z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
        for (TileCoord c : tiles(z)) {
          Rendered r = render(level, c);
          if (r == null) {
            continue;
          }
          tiles++;
          features += r.polygons.size();
          problems.addAll(check(level + " " + c, r.polygons, r.borders, r.expected));
        }
      }
    }
    System.out.printf(
        "NeighbourBorders: %d tiles, %d polygons, max overlap %.2f, max gap %.2f, max spill %.2f,"
            + " %d border segments, %d off polygon edges%n",
        tiles, features, maxOverlap, maxGap, maxSpill, segments, offEdge);
    assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    assertTrue(tiles >= 2 * 3 * (MAX_ZOOM - MIN_ZOOM + 1), "tiles checked: " + tiles);
    int areas = 0;
    for (AdminLevel level : LEVELS) {
      areas += boundaries.areas(level).size();
    }
    assertTrue(features > areas, "features checked: " + features + " of " + areas + " areas");
  }

  @Test
  void perFeatureSimplificationIsCaught() {
    TileCoord town = TileCoord.containing(98.39, 7.885, 10);
    Rendered r = render(AdminLevel.SUBDISTRICT, town);
    assertTrue(r.polygons.size() > 3, "the Phuket town tile has several subdistricts");
    assertEquals(List.of(), check("real", r.polygons, r.borders, r.expected));
    List<Geometry> simplified = new ArrayList<>();
    r.polygons.forEach(g -> simplified.add(TopologyPreservingSimplifier.simplify(g, 16)));
    List<String> problems = check("per-feature", simplified, r.borders, r.expected);
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("overlap")), "overlaps found: " + problems);
    assertTrue(problems.stream().anyMatch(p -> p.contains("gap")), "gaps found: " + problems);
  }

  @Test
  void doubledBorderLinesAreCaught() {
    Rendered r = render(AdminLevel.SUBDISTRICT, TileCoord.containing(98.39, 7.885, 9));
    assertFalse(r.borders.isEmpty());
    List<Geometry> twice = new ArrayList<>(r.borders);
    twice.add(r.borders.get(0));
    List<String> problems = check("doubled", r.polygons, twice, r.expected);
    assertTrue(problems.stream().anyMatch(p -> p.contains("duplicate")), problems.toString());
  }

  /** A tile's decoded polygons and border lines, and the level's shape cut by the same tile. */
  record Rendered(List<Geometry> polygons, List<Geometry> borders, Geometry expected) {}

  /** Null for an empty tile (then the level must have nothing there either). */
  static Rendered render(AdminLevel level, TileCoord c) {
    byte[] bytes = renderer.render(new TileKey("neighbours", level, c, null, 0));
    Geometry expected = expectedShape(level, c);
    if (bytes.length == 0) {
      assertTrue(expected == null, level + " " + c + " is empty but the level has shape there");
      return null;
    }
    List<Geometry> polygons = new ArrayList<>();
    List<Geometry> borders = new ArrayList<>();
    for (MvtLayer layer : MvtDecoder.decode(bytes)) {
      List<Geometry> into =
          layer.name().equals(level.urlName())
              ? polygons
              : layer.name().equals(level.urlName() + "_borders") ? borders : null;
      assertTrue(into != null, "unexpected layer " + layer.name());
      layer.features().forEach(f -> into.add(f.geometry()));
    }
    return new Rendered(polygons, borders, expected);
  }

  /**
   * The union of the level's gap-free band in this tile, run through the same pipeline: what the
   * polygons together must fill.
   */
  static Geometry expectedShape(AdminLevel level, TileCoord c) {
    List<Geometry> parts = new ArrayList<>();
    Envelope clip = PIPELINE.clipEnvelopeMeters(c);
    live.snapshot().zoomGeometry(level, c.z()).areas(clip, (code, g) -> parts.add(g));
    if (parts.isEmpty()) {
      return null;
    }
    return PIPELINE.process(CoverageUnion.union(parts.toArray(new Geometry[0])), c);
  }

  /** Every rule of a gap-free tile; one line per violation. */
  static List<String> check(
      String tile, List<Geometry> polygons, List<Geometry> borders, Geometry expected) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < polygons.size(); i++) {
      Geometry g = polygons.get(i);
      if (!g.isValid()) {
        problems.add(tile + " polygon " + i + " invalid");
      }
      for (int p = 0; p < g.getNumGeometries(); p++) {
        Polygon poly = (Polygon) g.getGeometryN(p);
        for (int k = -1; k < poly.getNumInteriorRing(); k++) {
          LineString ring = k < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(k);
          if (Area.ofRing(ring.getCoordinateSequence()) <= 0) {
            problems.add(tile + " polygon " + i + " has a zero-area ring");
          }
        }
      }
    }
    for (int i = 0; i < polygons.size(); i++) {
      for (int j = i + 1; j < polygons.size(); j++) {
        Geometry a = polygons.get(i);
        Geometry b = polygons.get(j);
        if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
          double overlap = a.intersection(b).getArea();
          maxOverlap = Math.max(maxOverlap, overlap);
          if (overlap > ROUNDING_AREA) {
            problems.add(tile + " overlap of " + overlap + " between polygons " + i + ", " + j);
          }
        }
      }
    }
    Geometry filled = UnaryUnionOp.union(polygons, GRID);
    if (expected != null) {
      Geometry gaps = expected.difference(filled);
      for (int i = 0; i < gaps.getNumGeometries(); i++) {
        double area = gaps.getGeometryN(i).getArea();
        maxGap = Math.max(maxGap, area);
        if (area > ROUNDING_AREA) {
          problems.add(tile + " gap of " + area + " at " + gaps.getGeometryN(i).getCentroid());
        }
      }
      double outside = filled.difference(expected).getArea();
      maxSpill = Math.max(maxSpill, outside);
      if (outside > ROUNDING_AREA * Math.max(1, polygons.size())) {
        problems.add(tile + " polygons spill " + outside + " outside the level's shape");
      }
    }
    problems.addAll(duplicateSegments(tile, borders));
    Set<List<Long>> edges = segments(polygons);
    for (List<Long> s : segments(borders)) {
      if (!edges.contains(s)) {
        offEdge++;
        problems.add(tile + " border segment " + s + " is not a polygon edge");
      }
    }
    return problems;
  }

  private static Set<List<Long>> segments(List<Geometry> gs) {
    Set<List<Long>> out = new HashSet<>();
    for (Geometry g : gs) {
      g.apply(
          (org.locationtech.jts.geom.GeometryComponentFilter)
              c -> {
                if (c instanceof LineString l) {
                  Coordinate[] cs = l.getCoordinates();
                  for (int i = 1; i < cs.length; i++) {
                    long a = key(cs[i - 1]);
                    long b = key(cs[i]);
                    out.add(List.of(Math.min(a, b), Math.max(a, b)));
                  }
                }
              });
    }
    return out;
  }

  private static List<String> duplicateSegments(String tile, List<Geometry> borders) {
    Set<List<Long>> seen = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (Geometry line : borders) {
      for (int n = 0; n < line.getNumGeometries(); n++) {
        Coordinate[] cs = line.getGeometryN(n).getCoordinates();
        for (int i = 1; i < cs.length; i++) {
          long a = key(cs[i - 1]);
          long b = key(cs[i]);
          segments++;
          if (!seen.add(List.of(Math.min(a, b), Math.max(a, b)))) {
            problems.add(tile + " duplicate border segment " + cs[i - 1] + " – " + cs[i]);
          }
        }
      }
    }
    return problems;
  }

  private static long key(Coordinate c) {
    return ((long) c.x << 32) ^ ((long) c.y & 0xffffffffL);
  }
}
