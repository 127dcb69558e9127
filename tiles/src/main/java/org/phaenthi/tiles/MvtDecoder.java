package org.phaenthi.tiles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Decodes Mapbox Vector Tile 2.1 bytes into layers of features with JTS geometry in tile-grid
 * coordinates. Used by tests and golden files, so it is strict: malformed protobuf, a command that
 * does not fit the geometry type, an interior ring before any exterior ring, or a ring of zero area
 * is an {@link IllegalArgumentException}. Polygons are assembled as the spec says: each ring of
 * positive surveyor area (y down) starts a polygon, each negative ring is a hole of the latest one.
 */
public final class MvtDecoder {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private MvtDecoder() {}

  /** The tile's layers in encoded order; zero bytes decode to no layers. */
  public static List<MvtLayer> decode(byte[] tile) {
    List<MvtLayer> layers = new ArrayList<>();
    ProtoReader r = new ProtoReader(tile, 0, tile.length);
    for (int field = r.nextField(); field != -1; field = r.nextField()) {
      if (field == 3) {
        layers.add(layer(r.message()));
      } else {
        r.skip();
      }
    }
    return layers;
  }

  private static MvtLayer layer(ProtoReader r) {
    String name = null;
    int extent = 4096;
    int version = 1;
    List<String> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    List<ProtoReader> features = new ArrayList<>();
    for (int field = r.nextField(); field != -1; field = r.nextField()) {
      switch (field) {
        case 1 -> name = r.string();
        case 2 -> features.add(r.message());
        case 3 -> keys.add(r.string());
        case 4 -> values.add(value(r.message()));
        case 5 -> extent = (int) r.varint();
        case 15 -> version = (int) r.varint();
        default -> r.skip();
      }
    }
    if (name == null) {
      throw new IllegalArgumentException("layer without a name");
    }
    List<MvtFeature> decoded = new ArrayList<>(features.size());
    for (ProtoReader f : features) {
      decoded.add(feature(f, keys, values));
    }
    return new MvtLayer(name, extent, version, decoded);
  }

  private static Object value(ProtoReader r) {
    Object value = null;
    for (int field = r.nextField(); field != -1; field = r.nextField()) {
      switch (field) {
        case 1 -> value = r.string();
        case 2 -> value = Float.intBitsToFloat((int) r.fixed(4));
        case 3 -> value = Double.longBitsToDouble(r.fixed(8));
        case 4, 5 -> value = r.varint();
        case 6 -> {
          long z = r.varint();
          value = (z >>> 1) ^ -(z & 1);
        }
        case 7 -> value = r.varint() != 0;
        default -> r.skip();
      }
    }
    if (value == null) {
      throw new IllegalArgumentException("value message without a value");
    }
    return value;
  }

  private static MvtFeature feature(ProtoReader r, List<String> keys, List<Object> values) {
    OptionalLong id = OptionalLong.empty();
    MvtGeometryType type = MvtGeometryType.UNKNOWN;
    ProtoReader.IntList tags = new ProtoReader.IntList();
    ProtoReader.IntList commands = new ProtoReader.IntList();
    for (int field = r.nextField(); field != -1; field = r.nextField()) {
      switch (field) {
        case 1 -> id = OptionalLong.of(r.varint());
        case 2 -> r.uint32s(tags);
        case 3 -> type = MvtGeometryType.ofWireValue((int) r.varint());
        case 4 -> r.uint32s(commands);
        default -> r.skip();
      }
    }
    if (tags.size % 2 != 0) {
      throw new IllegalArgumentException("odd number of tags");
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    for (int i = 0; i < tags.size; i += 2) {
      int k = tags.values[i];
      int v = tags.values[i + 1];
      if (k < 0 || k >= keys.size() || v < 0 || v >= values.size()) {
        throw new IllegalArgumentException("tag index out of range: " + k + "/" + v);
      }
      properties.put(keys.get(k), values.get(v));
    }
    Geometry geometry = geometry(type, commands);
    return new MvtFeature(id, type, Collections.unmodifiableMap(properties), geometry);
  }

  /** Decodes command integers as the given geometry type (package-visible for tests). */
  static Geometry geometry(MvtGeometryType type, ProtoReader.IntList commands) {
    List<List<Coordinate>> parts = new ArrayList<>();
    int x = 0;
    int y = 0;
    int i = 0;
    List<Coordinate> part = null;
    while (i < commands.size) {
      int header = commands.values[i++];
      int id = header & 0x7;
      int count = header >>> 3;
      if (id == MvtCommands.CLOSE_PATH) {
        if (type != MvtGeometryType.POLYGON || count != 1 || part == null) {
          throw new IllegalArgumentException("unexpected ClosePath in " + type);
        }
        part.add(new Coordinate(part.get(0)));
        part = null;
        continue;
      }
      if (id != MvtCommands.MOVE_TO && id != MvtCommands.LINE_TO) {
        throw new IllegalArgumentException("unknown command id " + id);
      }
      if (count == 0 || i + 2 * count > commands.size) {
        throw new IllegalArgumentException("bad command count " + count + " at " + (i - 1));
      }
      if (id == MvtCommands.MOVE_TO) {
        if (type != MvtGeometryType.POINT && count != 1) {
          throw new IllegalArgumentException("MoveTo with count " + count + " in " + type);
        }
      } else if (part == null || type == MvtGeometryType.POINT) {
        throw new IllegalArgumentException("LineTo without MoveTo in " + type);
      }
      for (int c = 0; c < count; c++) {
        x += unzigzag(commands.values[i++]);
        y += unzigzag(commands.values[i++]);
        if (id == MvtCommands.MOVE_TO) {
          part = new ArrayList<>();
          parts.add(part);
        }
        part.add(new Coordinate(x, y));
      }
    }
    return build(type, parts);
  }

  private static int unzigzag(int n) {
    return (n >>> 1) ^ -(n & 1);
  }

  private static Geometry build(MvtGeometryType type, List<List<Coordinate>> parts) {
    switch (type) {
      case POINT -> {
        Point[] points = new Point[parts.size()];
        for (int i = 0; i < points.length; i++) {
          points[i] = FACTORY.createPoint(parts.get(i).get(0));
        }
        return points.length == 1 ? points[0] : FACTORY.createMultiPoint(points);
      }
      case LINESTRING -> {
        LineString[] lines = new LineString[parts.size()];
        for (int i = 0; i < lines.length; i++) {
          if (parts.get(i).size() < 2) {
            throw new IllegalArgumentException("line with fewer than two points");
          }
          lines[i] = FACTORY.createLineString(parts.get(i).toArray(new Coordinate[0]));
        }
        return lines.length == 1 ? lines[0] : FACTORY.createMultiLineString(lines);
      }
      case POLYGON -> {
        return polygons(parts);
      }
      default -> {
        return null;
      }
    }
  }

  private static Geometry polygons(List<List<Coordinate>> rings) {
    List<Polygon> polygons = new ArrayList<>();
    LinearRing shell = null;
    List<LinearRing> holes = new ArrayList<>();
    for (List<Coordinate> pts : rings) {
      if (pts.size() < 4) {
        throw new IllegalArgumentException("ring not closed or with fewer than 3 points");
      }
      LinearRing ring = FACTORY.createLinearRing(pts.toArray(new Coordinate[0]));
      double area = Winding.doubleArea(ring.getCoordinateSequence());
      if (area == 0) {
        throw new IllegalArgumentException("ring with zero area");
      } else if (area > 0) {
        if (shell != null) {
          polygons.add(FACTORY.createPolygon(shell, holes.toArray(new LinearRing[0])));
        }
        shell = ring;
        holes.clear();
      } else if (shell == null) {
        throw new IllegalArgumentException("interior ring before any exterior ring");
      } else {
        holes.add(ring);
      }
    }
    if (shell != null) {
      polygons.add(FACTORY.createPolygon(shell, holes.toArray(new LinearRing[0])));
    }
    return polygons.size() == 1
        ? polygons.get(0)
        : FACTORY.createMultiPolygon(polygons.toArray(new Polygon[0]));
  }
}
