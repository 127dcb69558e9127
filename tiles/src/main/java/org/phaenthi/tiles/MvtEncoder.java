package org.phaenthi.tiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Builds one Mapbox Vector Tile 2.1, writing the protobuf wire format by hand.
 *
 * <pre>{@code
 * MvtEncoder tile = new MvtEncoder();
 * MvtEncoder.Layer layer = tile.layer("subdistrict");
 * layer.addFeature(840101L, tileGeometry, Map.of("name_en", "Talat Yai", "value", 0.42));
 * byte[] bytes = tile.encode(); // zero bytes when no layer has a feature: answer 204
 * }</pre>
 *
 * <p>Geometries must already be on the tile grid (see {@link TileGeometryPipeline}); coordinates
 * are rounded to integers. Rings are written with the winding the spec requires whatever their
 * input orientation. Property values may be {@code String}, {@code Double}, {@code Float}, {@code
 * Long}/{@code Integer}/{@code Short}/{@code Byte} (written as {@code uint_value} when
 * non-negative, {@code sint_value} when negative) or {@code Boolean}; null values are skipped. Keys
 * and values are de-duplicated per layer. Not thread-safe: build one tile per thread.
 */
public final class MvtEncoder {

  /** The MVT default extent. */
  public static final int DEFAULT_EXTENT = 4096;

  private final Map<String, Layer> layers = new LinkedHashMap<>();

  /** The layer named {@code name} with extent 4096, created on first use. */
  public Layer layer(String name) {
    return layer(name, DEFAULT_EXTENT);
  }

  /**
   * The layer named {@code name}, created on first use.
   *
   * @throws IllegalArgumentException for a blank name, a non-positive extent, or an existing layer
   *     of that name with another extent
   */
  public Layer layer(String name, int extent) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("layer name must not be blank");
    }
    if (extent <= 0) {
      throw new IllegalArgumentException("extent must be positive, was " + extent);
    }
    Layer layer = layers.computeIfAbsent(name, n -> new Layer(n, extent));
    if (layer.extent != extent) {
      throw new IllegalArgumentException(
          "layer " + name + " already has extent " + layer.extent + ", not " + extent);
    }
    return layer;
  }

  /**
   * A feature's geometry as MVT commands, made by {@link #encodeGeometry} on any thread and added
   * with {@link Layer#addFeature(Long, EncodedGeometry, Map)} on the tile's thread.
   */
  public static final class EncodedGeometry {
    private final MvtGeometryType type;
    // written once by encodeGeometry and read by addFeature in this package: never handed out, so
    // the hot path needs no copy
    private final int[] commands;

    EncodedGeometry(MvtGeometryType type, int[] commands) {
      this.type = type;
      this.commands = commands;
    }

    public MvtGeometryType type() {
      return type;
    }

    int[] commands() {
      return commands;
    }
  }

  /**
   * Encodes a tile-grid geometry to MVT commands; thread-safe (it touches no encoder state).
   *
   * @return null when the geometry is null, empty or collapses to nothing on the grid
   * @throws IllegalArgumentException for a geometry collection
   */
  public static EncodedGeometry encodeGeometry(Geometry tileGeometry) {
    if (tileGeometry == null || tileGeometry.isEmpty()) {
      return null;
    }
    MvtGeometryType type = MvtGeometryType.of(tileGeometry);
    int[] commands = MvtCommands.encode(tileGeometry);
    return commands.length == 0 ? null : new EncodedGeometry(type, commands);
  }

  /** The encoded tile; empty layers are left out, and a tile without features is zero bytes. */
  public byte[] encode() {
    ProtoWriter tile = new ProtoWriter();
    ProtoWriter scratch = new ProtoWriter();
    for (Layer layer : layers.values()) {
      if (layer.featureCount > 0) {
        scratch.clear();
        layer.writeTo(scratch);
        tile.messageField(3, scratch);
      }
    }
    return tile.toByteArray();
  }

  /** One layer of the tile being built. */
  public static final class Layer {
    private final String name;
    private final int extent;
    private final List<String> keys = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new HashMap<>();
    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> valueIndex = new HashMap<>();
    private final ProtoWriter features = new ProtoWriter();
    private final ProtoWriter feature = new ProtoWriter();
    private int[] tags = new int[16];
    private int featureCount;

    private Layer(String name, int extent) {
      this.name = name;
      this.extent = extent;
    }

    public String name() {
      return name;
    }

    public int extent() {
      return extent;
    }

    /** How many features were added (features whose geometry collapsed are not counted). */
    public int featureCount() {
      return featureCount;
    }

    /** Adds a feature without id; see {@link #addFeature(Long, Geometry, Map)}. */
    public boolean addFeature(Geometry tileGeometry, Map<String, ?> properties) {
      return addFeature(null, tileGeometry, properties);
    }

    /**
     * Adds a feature.
     *
     * @param id the feature id, written as uint64, or null for none
     * @param tileGeometry geometry on the tile grid; null or empty adds nothing
     * @param properties attribute values, written in iteration order
     * @return whether a feature was written; false if the geometry was empty or collapsed
     * @throws IllegalArgumentException for a geometry collection or an unsupported value type
     */
    public boolean addFeature(Long id, Geometry tileGeometry, Map<String, ?> properties) {
      return addFeature(id, encodeGeometry(tileGeometry), properties);
    }

    /**
     * Adds a feature whose geometry was encoded already (see {@link #encodeGeometry}).
     *
     * @param geometry null adds nothing
     * @return whether a feature was written
     */
    public boolean addFeature(Long id, EncodedGeometry geometry, Map<String, ?> properties) {
      if (geometry == null) {
        return false;
      }
      MvtGeometryType type = geometry.type();
      int[] commands = geometry.commands();
      int tagCount = tags(properties);
      feature.clear();
      if (id != null) {
        feature.varintField(1, id);
      }
      feature.packedField(2, tags, tagCount);
      feature.varintField(3, type.wireValue());
      feature.packedField(4, commands, commands.length);
      features.messageField(2, feature);
      featureCount++;
      return true;
    }

    private int tags(Map<String, ?> properties) {
      if (properties == null) {
        return 0;
      }
      if (tags.length < properties.size() * 2) {
        tags = new int[properties.size() * 2];
      }
      int count = 0;
      for (Map.Entry<String, ?> e : properties.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        if (e.getKey() == null) {
          throw new IllegalArgumentException("property key must not be null");
        }
        Object value = normalise(e.getKey(), e.getValue());
        tags[count++] = index(keyIndex, keys, e.getKey());
        tags[count++] = index(valueIndex, values, value);
      }
      return count;
    }

    private static <T> int index(Map<T, Integer> index, List<? super T> list, T item) {
      Integer i = index.get(item);
      if (i == null) {
        i = list.size();
        list.add(item);
        index.put(item, i);
      }
      return i;
    }

    static Object normalise(String key, Object v) {
      if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).longValue();
      }
      if (v instanceof String || v instanceof Double || v instanceof Float) {
        return v;
      }
      if (v instanceof Long || v instanceof Boolean) {
        return v;
      }
      throw new IllegalArgumentException(
          "property " + key + ": unsupported value type " + v.getClass().getName());
    }

    private void writeTo(ProtoWriter out) {
      out.stringField(1, name);
      out.append(features);
      for (String key : keys) {
        out.stringField(3, key);
      }
      ProtoWriter value = new ProtoWriter();
      for (Object v : values) {
        value.clear();
        writeValue(value, v);
        out.messageField(4, value);
      }
      out.varintField(5, extent);
      out.varintField(15, 2);
    }

    static void writeValue(ProtoWriter out, Object v) {
      if (v instanceof String s) {
        out.stringField(1, s);
      } else if (v instanceof Float f) {
        out.tag(2, ProtoWriter.FIXED32);
        out.fixed32(Float.floatToIntBits(f));
      } else if (v instanceof Double d) {
        out.tag(3, ProtoWriter.FIXED64);
        out.fixed64(Double.doubleToLongBits(d));
      } else if (v instanceof Long l) {
        if (l >= 0) {
          out.varintField(5, l);
        } else {
          out.varintField(6, (l << 1) ^ (l >> 63));
        }
      } else {
        out.varintField(7, ((Boolean) v) ? 1 : 0);
      }
    }
  }
}
