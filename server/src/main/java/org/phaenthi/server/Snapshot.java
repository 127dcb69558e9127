package org.phaenthi.server;

import java.util.EnumMap;
import java.util.Map;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.server.tiles.ZoomGeometry;
import org.phaenthi.server.tiles.ZoomGeometryIndex;

/** One data version with the indexes the handlers need, built once per version. */
public final class Snapshot {
  private final Dataset dataset;
  private final AreaSearch search;
  private final Map<AdminLevel, ZoomGeometryIndex> geometry = new EnumMap<>(AdminLevel.class);

  Snapshot(Dataset dataset) {
    this(dataset, null);
  }

  /**
   * A snapshot of a new version; when the store kept the previous version's geometry (only
   * indicator values changed), its indexes are reused, so following an import is fast.
   */
  Snapshot(Dataset dataset, Snapshot previous) {
    this.dataset = dataset;
    boolean sameGeometry =
        previous != null
            && previous.dataset.boundaries() == dataset.boundaries()
            && previous.dataset.blobs() == dataset.blobs();
    this.search = sameGeometry ? previous.search : new AreaSearch(dataset.boundaries());
    // The three levels decode independently; in parallel they take the time of the largest.
    java.util.Arrays.stream(AdminLevel.values())
        .parallel()
        .map(
            level ->
                Map.entry(
                    level,
                    sameGeometry
                        ? previous.geometry.get(level)
                        : ZoomGeometryIndex.of(dataset, level)))
        .toList()
        .forEach(e -> geometry.put(e.getKey(), e.getValue()));
  }

  public Dataset dataset() {
    return dataset;
  }

  public String version() {
    return dataset.dataVersion();
  }

  public AreaSearch search() {
    return search;
  }

  /** The pre-simplified geometry a tile of this level and zoom is cut from. */
  public ZoomGeometry zoomGeometry(AdminLevel level, int zoom) {
    return geometry.get(level).forZoom(zoom);
  }
}
