package org.phaenthi.server.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.Attribution;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.tiles.CachedTile;
import org.phaenthi.server.tiles.TileCache;
import org.phaenthi.server.tiles.TileKey;
import org.phaenthi.tiles.TileCoord;
import org.phaenthi.tiles.pmtiles.PmtilesHeader;
import org.phaenthi.tiles.pmtiles.PmtilesWriter;
import org.phaenthi.tiles.pmtiles.TileIds;

/**
 * A PMTiles v3 archive of one level's tiles, taken from the server's own tile cache (rendered on a
 * miss), so every tile in it is byte for byte the gzip body of {@code
 * /tiles/{level}/{z}/{x}/{y}.mvt} with the same query. Empty tiles are left out (a reader answers
 * "no tile").
 */
public final class PmtilesExporter {
  /** Default highest zoom: tiles overzoom well beyond it, and a country's archive stays small. */
  public static final int DEFAULT_MAX_ZOOM = 10;

  /**
   * Tiles one archive may hold (checked before any work: {@code maxzoom} or the area too large).
   */
  public static final int MAX_TILES = 60_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What goes in an archive.
   *
   * @param indicator null for geometry tiles
   * @param year null when {@code indicator} is
   * @param lonLatBounds the tiles covering this extent at each zoom are written
   */
  public record Request(
      AdminLevel level,
      Indicator indicator,
      SurveyYear year,
      int minZoom,
      int maxZoom,
      Envelope lonLatBounds) {

    /** The tile coordinates of the archive, in tile-id order. */
    public List<TileCoord> coords() {
      List<TileCoord> coords = new ArrayList<>();
      for (int z = minZoom; z <= maxZoom; z++) {
        coords.addAll(TileCoord.covering(lonLatBounds, z));
      }
      coords.sort(Comparator.comparingLong(TileIds::of));
      return coords;
    }

    /** How many tiles {@link #coords()} holds, without listing them. */
    public long tileCount() {
      long n = 0;
      for (int z = minZoom; z <= maxZoom; z++) {
        TileCoord a = TileCoord.containing(lonLatBounds.getMinX(), lonLatBounds.getMaxY(), z);
        TileCoord b = TileCoord.containing(lonLatBounds.getMaxX(), lonLatBounds.getMinY(), z);
        n += (long) (b.x() - a.x() + 1) * (b.y() - a.y() + 1);
      }
      return n;
    }
  }

  private PmtilesExporter() {}

  /**
   * Writes the archive to {@code file}.
   *
   * @param cancelled polled between tiles; when true the build stops with an {@link IOException}
   */
  public static void write(
      Snapshot s, TileCache cache, Request r, Path file, BooleanSupplier cancelled)
      throws IOException {
    Path scratch = Files.createTempFile(file.getParent(), "tiles-", ".data");
    try (PmtilesWriter w = new PmtilesWriter(scratch);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      boolean[] hit = new boolean[1];
      for (TileCoord c : r.coords()) {
        if (cancelled.getAsBoolean()) {
          throw new IOException("archive build cancelled");
        }
        CachedTile t = cache.get(key(s, r, c), hit);
        w.add(c, t.isEmpty() ? new byte[0] : t.gzip());
      }
      w.finish(
          out,
          new PmtilesWriter.Info(
              r.minZoom(),
              r.maxZoom(),
              r.lonLatBounds(),
              Math.min(r.maxZoom(), Math.max(r.minZoom(), 6)),
              metadata(s, r),
              PmtilesHeader.GZIP));
    }
  }

  /** The cache key of one tile, as {@code TileHandler} makes it for the same request. */
  static TileKey key(Snapshot s, Request r, TileCoord c) {
    if (r.indicator() == null) {
      return new TileKey(s.boundaryVersion(), r.level(), c, null, 0);
    }
    return new TileKey(
        s.valueVersion(r.indicator().code(), r.year()),
        r.level(),
        c,
        r.indicator().code(),
        r.year().be());
  }

  /** TileJSON-like metadata: name, attribution, the two vector layers and the data version. */
  static String metadata(Snapshot s, Request r) throws IOException {
    ObjectNode m = JSON.createObjectNode();
    String level = r.level().urlName();
    m.put("name", "Phaenthi " + level + (r.indicator() == null ? "" : " " + r.indicator().code()));
    m.put("format", "pbf");
    m.put("attribution", Attribution.BOUNDARIES_SHORT + "; " + Attribution.INDICATORS_SHORT);
    m.put("minzoom", r.minZoom());
    m.put("maxzoom", r.maxZoom());
    m.put("data_version", s.dataset().dataVersion());
    if (r.indicator() != null) {
      m.put("indicator", r.indicator().code());
      m.put("year", r.year().be());
    }
    ArrayNode layers = m.putArray("vector_layers");
    ObjectNode areas = layers.addObject();
    areas.put("id", level);
    ObjectNode fields = areas.putObject("fields");
    fields.put("code", "String");
    fields.put("name_th", "String");
    fields.put("name_en", "String");
    if (r.indicator() != null) {
      fields.put("value", "Number");
      fields.put("numerator", "Number");
      fields.put("denominator", "Number");
    }
    layers.addObject().put("id", level + "_borders");
    return JSON.writeValueAsString(m);
  }
}
