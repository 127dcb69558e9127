package org.phaenthi.server;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.Levels;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.tiles.ZoomGeometry;
import org.phaenthi.server.tiles.ZoomGeometryIndex;

/**
 * One publication with the indexes the handlers need, built once per boundary set (geometry) and
 * reused by later publications of the same boundary set.
 */
public final class Snapshot {
  private final Dataset dataset;
  private final AreaSearch search;
  private final Map<AdminLevel, ZoomGeometryIndex> geometry = new HashMap<>();

  Snapshot(Dataset dataset) {
    this(dataset, null);
  }

  /**
   * A snapshot of a new version; when the store kept the previous version's geometry (only
   * indicator values changed), its indexes are reused, so following an import is fast.
   */
  Snapshot(Dataset dataset, Snapshot previous) {
    this.dataset = dataset;
    // Geometry depends on the boundary set only: a publication of new values keeps every index.
    boolean sameGeometry =
        previous != null && previous.dataset.boundaryVersion().equals(dataset.boundaryVersion());
    this.search = sameGeometry ? previous.search : new AreaSearch(dataset.boundaries());
    // the bands are decoded on first use or by decodeGeometry(), not here (see ZoomGeometryIndex)
    for (AdminLevel level : dataset.boundaries().levels().withGeometry()) {
      geometry.put(
          level,
          sameGeometry ? previous.geometry.get(level) : ZoomGeometryIndex.of(dataset, level));
    }
  }

  /**
   * Decodes every level's bands, in parallel (they take the time of the largest); the server calls
   * it on a background thread once it listens, so no request but one arriving meanwhile waits.
   */
  public void decodeGeometry() {
    geometry.values().parallelStream().forEach(ZoomGeometryIndex::decode);
  }

  public Dataset dataset() {
    return dataset;
  }

  public String version() {
    return dataset.dataVersion();
  }

  /** The publication served. */
  public long publicationId() {
    return dataset.publication().id();
  }

  /** What geometry-only responses (tiles without values, geometry GeoJSON) depend on. */
  public String boundaryVersion() {
    return dataset.boundaryVersion();
  }

  /** What a response of this indicator in this year depends on. */
  public String valueVersion(String indicatorCode, SurveyYear year) {
    return dataset.valueVersion(indicatorCode, year);
  }

  /**
   * Every part version a cached response of this snapshot can be keyed by: the boundary version and
   * the value version of each indicator and year. A cache keeps entries of these versions across a
   * swap and drops the rest.
   */
  public Set<String> liveVersions() {
    Set<String> out = new HashSet<>();
    out.add(boundaryVersion());
    out.add(version());
    IndicatorData data = dataset.indicators();
    for (Indicator i : data.indicators()) {
      for (SurveyYear y : data.years().keySet()) {
        out.add(valueVersion(i.code(), y));
      }
    }
    return out;
  }

  /** The levels of the served boundary set. */
  public Levels levels() {
    return dataset.boundaries().levels();
  }

  public AreaSearch search() {
    return search;
  }

  /** The pre-simplified geometry a tile of this level and zoom is cut from. */
  public ZoomGeometry zoomGeometry(AdminLevel level, int zoom) {
    return geometry.get(level).forZoom(zoom);
  }
}
