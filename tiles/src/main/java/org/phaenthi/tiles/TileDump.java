package org.phaenthi.tiles;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.io.WKTWriter;

/**
 * Renders a decoded tile as readable, deterministic text for golden files and test failures.
 *
 * <p>One line per layer ({@code layer NAME extent=E version=V features=N}), then per feature a line
 * with its position, id and type, one line per property sorted by key with the value's Java type,
 * and the geometry as WKT. Features keep their encoded order, which the encoder preserves.
 */
public final class TileDump {

  private TileDump() {}

  /** Decodes and dumps a tile; zero bytes dump as {@code (empty tile)}. */
  public static String dump(byte[] tile) {
    return dump(MvtDecoder.decode(tile));
  }

  /** Dumps decoded layers. */
  public static String dump(List<MvtLayer> layers) {
    if (layers.isEmpty()) {
      return "(empty tile)\n";
    }
    StringBuilder sb = new StringBuilder();
    WKTWriter wkt = new WKTWriter();
    for (MvtLayer layer : layers) {
      sb.append("layer ").append(layer.name());
      sb.append(" extent=").append(layer.extent());
      sb.append(" version=").append(layer.version());
      sb.append(" features=").append(layer.features().size()).append('\n');
      int n = 0;
      for (MvtFeature f : layer.features()) {
        sb.append("  feature ").append(n++);
        sb.append(" id=")
            .append(f.id().isPresent() ? Long.toUnsignedString(f.id().getAsLong()) : "-");
        sb.append(" type=").append(f.type()).append('\n');
        for (Map.Entry<String, Object> p : new TreeMap<>(f.properties()).entrySet()) {
          Object v = p.getValue();
          sb.append("    ").append(p.getKey()).append('=').append(v);
          sb.append(" (").append(v.getClass().getSimpleName()).append(")\n");
        }
        sb.append("    ").append(f.geometry() == null ? "(no geometry)" : wkt.write(f.geometry()));
        sb.append('\n');
      }
    }
    return sb.toString();
  }
}
