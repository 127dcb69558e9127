package org.phaenthi.server.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.boundaries.Area;
import org.phaenthi.server.Json;

/**
 * TopoJSON 1.0 with shared arcs ({@link TopologyBuilder}), quantized to a 1e-6 degree grid (0.1 m
 * in a projected {@code crs}: the coverage is reprojected before quantizing) with a {@code
 * transform} and delta-encoded arcs; in another CRS than CRS84 the top-level {@code crs} member (as
 * the GeoJSON download's, GeoJSON 2008 style) names it. One object named after the level, a
 * GeometryCollection of Polygon/MultiPolygon with {@code id} = code and the export properties; the
 * metadata as the top-level member {@code metadata}. The topology needs the whole coverage, so it
 * is built once per boundary set, level and parent ({@link TopologyCache}) and every download
 * streams from it.
 */
public final class TopoJsonExporter implements Exporter {
  public static final double SCALE_DEGREES = 1e-6;
  public static final double SCALE_METRES = 0.1;

  private final TopologyCache topologies;

  /**
   * With a cache of its own: kept only as long as this exporter ({@link Exporter#of} makes one per
   * call).
   */
  public TopoJsonExporter() {
    this(new TopologyCache(Long.MAX_VALUE));
  }

  public TopoJsonExporter(TopologyCache topologies) {
    this.topologies = topologies;
  }

  /**
   * The cache key of a selection's topology: it depends on the boundary set, the areas and the CRS
   * only.
   */
  static String topologyKey(Selection s, Crs crs) {
    return s.dataset().boundaryVersion()
        + "|"
        + s.level().urlName()
        + "|"
        + s.parent()
        + "|"
        + crs.forFiles().epsg();
  }

  @Override
  public void write(Selection s, ExportMetadata m, OutputStream out) throws IOException {
    write(s, m, Crs.CRS84, out);
  }

  @Override
  public void write(Selection s, ExportMetadata m, Crs asked, OutputStream out) throws IOException {
    Crs crs = asked.forFiles();
    List<Area> areas = s.areas();
    TopologyCache.Entry cached = topologies.get(topologyKey(s, crs), areas, crs);
    Envelope ext = cached.extent();
    double x0 = cached.x0();
    double y0 = cached.y0();
    TopologyBuilder.Topology t = cached.topology();
    try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("type", "Topology");
      GeoJsonFeatureWriter.writeLegacyCrs(gen, crs);
      if (!ext.isNull()) {
        gen.writeArrayFieldStart("bbox");
        gen.writeNumber(ext.getMinX());
        gen.writeNumber(ext.getMinY());
        gen.writeNumber(ext.getMaxX());
        gen.writeNumber(ext.getMaxY());
        gen.writeEndArray();
      }
      gen.writeObjectFieldStart("transform");
      gen.writeArrayFieldStart("scale");
      gen.writeNumber(cached.scale());
      gen.writeNumber(cached.scale());
      gen.writeEndArray();
      gen.writeArrayFieldStart("translate");
      gen.writeNumber(x0);
      gen.writeNumber(y0);
      gen.writeEndArray();
      gen.writeEndObject();
      GeoJsonFeatureWriter.writeObject(gen, "metadata", m.typed());
      gen.writeObjectFieldStart("objects");
      gen.writeObjectFieldStart(s.level().urlName());
      gen.writeStringField("type", "GeometryCollection");
      gen.writeArrayFieldStart("geometries");
      for (int i = 0; i < areas.size(); i++) {
        geometry(gen, s, areas.get(i), t.geometries().get(i));
      }
      gen.writeEndArray();
      gen.writeEndObject();
      gen.writeEndObject();
      gen.writeArrayFieldStart("arcs");
      for (long[] arc : t.arcs()) {
        arc(gen, arc);
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }
  }

  private static void geometry(JsonGenerator gen, Selection s, Area a, int[][][] polys)
      throws IOException {
    gen.writeStartObject();
    boolean single = polys.length == 1;
    gen.writeStringField("type", polys.length == 0 ? null : single ? "Polygon" : "MultiPolygon");
    gen.writeStringField("id", a.code());
    if (polys.length > 0) {
      gen.writeArrayFieldStart("arcs");
      if (single) {
        rings(gen, polys[0]);
      } else {
        for (int[][] p : polys) {
          gen.writeStartArray();
          rings(gen, p);
          gen.writeEndArray();
        }
      }
      gen.writeEndArray();
    }
    GeoJsonFeatureWriter.writeObject(gen, "properties", s.properties(a));
    gen.writeEndObject();
  }

  private static void rings(JsonGenerator gen, int[][] rings) throws IOException {
    for (int[] ring : rings) {
      gen.writeArray(ring, 0, ring.length);
    }
  }

  private static void arc(JsonGenerator gen, long[] arc) throws IOException {
    gen.writeStartArray();
    int px = 0;
    int py = 0;
    for (long key : arc) {
      int x = TopologyBuilder.x(key);
      int y = TopologyBuilder.y(key);
      gen.writeStartArray();
      gen.writeNumber(x - px);
      gen.writeNumber(y - py);
      gen.writeEndArray();
      px = x;
      py = y;
    }
    gen.writeEndArray();
  }
}
