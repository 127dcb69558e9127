package org.phaenthi.tiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Adds properties to the features of one layer of an encoded tile, working on the wire format: the
 * geometry of every feature is copied byte for byte, never decoded, clipped or re-encoded. This is
 * how a tile with indicator values is made from its geometry tile (a join by feature id).
 *
 * <pre>{@code
 * byte[] coloured = MvtPropertyJoin.join(geometryTile, "subdistrict",
 *     id -> Map.of("value", 42.5));
 * }</pre>
 *
 * <p>In the joined layer each feature keeps its id, type, geometry and properties, and the added
 * properties follow its own; the layer's key and value tables keep their entries and indexes and
 * the new keys and values are appended (a key already in the table is reused, new values are
 * de-duplicated among themselves). Every other layer, and every field this class does not know, is
 * copied as it is. Features without an id get nothing. Value types are those of {@link MvtEncoder};
 * null values are skipped. Thread-safe (no state).
 */
public final class MvtPropertyJoin {
  private static final int LAYER = 3;

  private MvtPropertyJoin() {}

  /**
   * The tile with {@code properties.apply(id)} added to each feature of layer {@code layerName}; a
   * null or empty map adds nothing to that feature. A tile without that layer comes back equal.
   *
   * @throws IllegalArgumentException for malformed tile bytes or an unsupported value type
   */
  public static byte[] join(
      byte[] tile, String layerName, LongFunction<? extends Map<String, ?>> properties) {
    ProtoReader r = new ProtoReader(tile, 0, tile.length);
    ProtoWriter out = new ProtoWriter(tile.length + tile.length / 4);
    ProtoWriter joined = new ProtoWriter();
    while (true) {
      int start = r.position();
      int field = r.nextField();
      if (field == -1) {
        break;
      }
      if (field == LAYER && r.wireType() == ProtoWriter.LENGTH_DELIMITED) {
        ProtoReader layer = r.message();
        if (layerName.equals(name(layer))) {
          joined.clear();
          joinLayer(layer, properties, joined);
          out.messageField(LAYER, joined);
          continue;
        }
      } else {
        r.skip();
      }
      out.raw(tile, start, r.position());
    }
    return out.toByteArray();
  }

  private static String name(ProtoReader layer) {
    ProtoReader r = new ProtoReader(layer.buffer(), layer.position(), layer.end());
    for (int field = r.nextField(); field != -1; field = r.nextField()) {
      if (field == 1) {
        return r.string();
      }
      r.skip();
    }
    return null;
  }

  private static void joinLayer(
      ProtoReader r, LongFunction<? extends Map<String, ?>> properties, ProtoWriter out) {
    byte[] buf = r.buffer();
    List<String> keys = new ArrayList<>();
    int valueCount = 0;
    List<ProtoReader> features = new ArrayList<>();
    ProtoWriter head = new ProtoWriter(64); // name: before the features, as the encoder writes
    ProtoWriter keyFields = new ProtoWriter();
    ProtoWriter valueFields = new ProtoWriter();
    ProtoWriter tail = new ProtoWriter(64); // extent, version and fields unknown here
    while (true) {
      int start = r.position();
      int field = r.nextField();
      if (field == -1) {
        break;
      }
      switch (field) {
        case 1 -> {
          r.skip();
          head.raw(buf, start, r.position());
        }
        case 2 -> features.add(r.message());
        case 3 -> {
          keys.add(r.string());
          keyFields.raw(buf, start, r.position());
        }
        case 4 -> {
          r.skip();
          valueFields.raw(buf, start, r.position());
          valueCount++;
        }
        default -> {
          r.skip();
          tail.raw(buf, start, r.position());
        }
      }
    }
    Map<String, Integer> keyIndex = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      keyIndex.putIfAbsent(keys.get(i), i);
    }
    Map<Object, Integer> valueIndex = new HashMap<>();
    int values = valueCount;
    out.append(head);
    ProtoWriter feature = new ProtoWriter();
    ProtoWriter shape = new ProtoWriter();
    ProtoWriter other = new ProtoWriter(32);
    ProtoWriter message = new ProtoWriter(16);
    ProtoReader.IntList tags = new ProtoReader.IntList();
    for (ProtoReader f : features) {
      feature.clear();
      shape.clear();
      other.clear();
      tags.size = 0;
      Long id = null;
      while (true) {
        int start = f.position();
        int field = f.nextField();
        if (field == -1) {
          break;
        }
        switch (field) {
          case 1 -> id = f.varint();
          case 2 -> f.uint32s(tags);
          case 3, 4 -> {
            // type and geometry as written: the commands are copied, never decoded
            f.skip();
            shape.raw(buf, start, f.position());
          }
          default -> {
            f.skip();
            other.raw(buf, start, f.position());
          }
        }
      }
      Map<String, ?> added = id == null ? null : properties.apply(id);
      if (added != null) {
        for (Map.Entry<String, ?> e : added.entrySet()) {
          if (e.getValue() == null) {
            continue;
          }
          Object value = MvtEncoder.Layer.normalise(e.getKey(), e.getValue());
          Integer k = keyIndex.get(e.getKey());
          if (k == null) {
            k = keys.size();
            keys.add(e.getKey());
            keyIndex.put(e.getKey(), k);
            keyFields.stringField(3, e.getKey());
          }
          Integer v = valueIndex.get(value);
          if (v == null) {
            v = values++;
            valueIndex.put(value, v);
            message.clear();
            MvtEncoder.Layer.writeValue(message, value);
            valueFields.messageField(4, message);
          }
          tags.add(k);
          tags.add(v);
        }
      }
      if (id != null) {
        feature.varintField(1, id);
      }
      feature.packedField(2, tags.values, tags.size);
      feature.append(shape);
      feature.append(other);
      out.messageField(2, feature);
    }
    out.append(keyFields);
    out.append(valueFields);
    out.append(tail);
  }
}
