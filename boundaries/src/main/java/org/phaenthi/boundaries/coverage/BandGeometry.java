package org.phaenthi.boundaries.coverage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.phaenthi.tiles.WebMercator;

/**
 * One level's coverage for one zoom band: the simplified geometry of every area and the border
 * lines derived from it, in Web Mercator metres (EPSG:3857, the units the tile pipeline consumes),
 * each with an STRtree. Immutable and thread-safe; callers must not modify returned geometries.
 */
public final class BandGeometry {
  private final ZoomBand band;
  private final Map<String, Geometry> areas;
  private final List<BorderLine> borders;
  private final STRtree areaIndex = new STRtree();
  private final STRtree borderIndex = new STRtree();
  private final Envelope extent = new Envelope();
  private final List<String> sortedCodes;

  /**
   * @param areas geometry by area code in Web Mercator metres; iteration order is kept
   * @param borders border lines of exactly these geometries
   */
  public BandGeometry(ZoomBand band, Map<String, Geometry> areas, List<BorderLine> borders) {
    this.band = Objects.requireNonNull(band, "band");
    this.areas = Collections.unmodifiableMap(new LinkedHashMap<>(areas));
    this.borders = List.copyOf(borders);
    this.areas.forEach((code, g) -> areaIndex.insert(g.getEnvelopeInternal(), code));
    for (int i = 0; i < this.borders.size(); i++) {
      borderIndex.insert(this.borders.get(i).line().getEnvelopeInternal(), i);
    }
    areaIndex.build();
    borderIndex.build();
    this.areas.values().forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
    this.borders.forEach(b -> extent.expandToInclude(b.line().getEnvelopeInternal()));
    this.sortedCodes = this.areas.keySet().stream().sorted().toList();
  }

  public ZoomBand band() {
    return band;
  }

  /** Geometry by code, Web Mercator metres, sorted by code. */
  public Map<String, Geometry> areas() {
    return areas;
  }

  public Optional<Geometry> area(String code) {
    return Optional.ofNullable(areas.get(code));
  }

  /** The area's geometry converted to lon/lat (EPSG:4326, x = longitude); a new copy each call. */
  public Optional<Geometry> areaLonLat(String code) {
    return area(code).map(WebMercator::toLonLat);
  }

  /**
   * Every area converted to lon/lat, sorted by code. Shared vertices map to identical lon/lat
   * values, so the shapes stay gap-free; the GeoJSON endpoints serve these.
   */
  public Map<String, Geometry> areasLonLat() {
    Map<String, Geometry> out = new LinkedHashMap<>();
    areas.forEach((code, g) -> out.put(code, WebMercator.toLonLat(g)));
    return out;
  }

  public List<BorderLine> borders() {
    return borders;
  }

  /** Calls back, in code order, with each area whose envelope meets the box (metres). */
  @SuppressWarnings("unchecked")
  public void queryAreas(Envelope mercator, BiConsumer<String, Geometry> visitor) {
    // A box holding the whole band (country-zoom tiles) needs no index query and no sort.
    List<String> hits;
    if (mercator.covers(extent)) {
      hits = sortedCodes;
    } else {
      hits = new ArrayList<>(areaIndex.query(mercator));
      Collections.sort(hits);
    }
    for (String code : hits) {
      visitor.accept(code, areas.get(code));
    }
  }

  /** Border lines whose envelope meets the box (metres), in their stored order. */
  @SuppressWarnings("unchecked")
  public List<BorderLine> queryBorders(Envelope mercator) {
    if (mercator.covers(extent)) {
      return borders;
    }
    List<Integer> hits = new ArrayList<>(borderIndex.query(mercator));
    Collections.sort(hits);
    List<BorderLine> out = new ArrayList<>(hits.size());
    hits.forEach(i -> out.add(borders.get(i)));
    return out;
  }

  /** Vertices of all area geometries. */
  public long areaVertexCount() {
    return areas.values().stream().mapToLong(Geometry::getNumPoints).sum();
  }

  /** Vertices of all border lines. */
  public long borderVertexCount() {
    return borders.stream().mapToLong(b -> b.line().getNumPoints()).sum();
  }
}
