package org.phaenthi.server.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
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
   * @param levels the levels whose tiles are merged into each archive tile (one: the tile as the
   *     server serves it; several: their layers one after the other in one MVT)
   * @param lonLatBounds the tiles covering this extent at each zoom are written
   */
  public record Request(
      List<AdminLevel> levels,
      Indicator indicator,
      SurveyYear year,
      int minZoom,
      int maxZoom,
      Envelope lonLatBounds) {

    public Request {
      levels = List.copyOf(levels);
      if (levels.isEmpty()) {
        throw new IllegalArgumentException("an archive needs at least one level");
      }
      lonLatBounds = new Envelope(lonLatBounds); // JTS envelopes are mutable: a copy of our own
    }

    /** A copy of the bounds (the caller may change it). */
    @Override
    public Envelope lonLatBounds() {
      return new Envelope(lonLatBounds);
    }

    /** An archive of one level's tiles. */
    public Request(
        AdminLevel level,
        Indicator indicator,
        SurveyYear year,
        int minZoom,
        int maxZoom,
        Envelope lonLatBounds) {
      this(List.of(level), indicator, year, minZoom, maxZoom, lonLatBounds);
    }

    /** The first (or only) level. */
    public AdminLevel level() {
      return levels.get(0);
    }

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
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) {
      throw new IOException("no directory to build " + file + " in");
    }
    Path scratch = Files.createTempFile(dir, "tiles-", ".data");
    try (PmtilesWriter w = new PmtilesWriter(scratch);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      boolean[] hit = new boolean[1];
      for (TileCoord c : r.coords()) {
        if (cancelled.getAsBoolean()) {
          throw new ExportSpool.Cancelled();
        }
        w.add(c, tile(s, cache, r, c, hit));
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

  /**
   * The gzip bytes of one archive tile (empty when every level's tile is): one level's is the
   * server's tile as it is; several levels' are their MVT bodies one after the other (an MVT is a
   * protobuf message of repeated layers, so concatenated tiles are one tile holding every layer).
   */
  static byte[] tile(Snapshot s, TileCache cache, Request r, TileCoord c, boolean[] hit)
      throws IOException {
    if (r.levels().size() == 1) {
      CachedTile t = cache.get(key(s, r, r.level(), c), hit);
      return t.isEmpty() ? new byte[0] : t.gzip().toByteArray();
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (AdminLevel level : r.levels()) {
      CachedTile t = cache.get(key(s, r, level, c), hit);
      if (!t.isEmpty()) {
        try (InputStream in = new GZIPInputStream(t.gzip().stream())) {
          in.transferTo(raw);
        }
      }
    }
    if (raw.size() == 0) {
      return new byte[0];
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream(raw.size() / 2 + 64);
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      raw.writeTo(out);
    }
    return gz.toByteArray();
  }

  /** The cache key of one level's tile, as {@code TileHandler} makes it for the same request. */
  static TileKey key(Snapshot s, Request r, AdminLevel level, TileCoord c) {
    if (r.indicator() == null) {
      return new TileKey(s.boundaryVersion(), level, c, null, 0);
    }
    return new TileKey(
        s.valueVersion(r.indicator().code(), r.year()),
        level,
        c,
        r.indicator().code(),
        r.year().be());
  }

  /** TileJSON-like metadata: name, attribution, the two vector layers and the data version. */
  static String metadata(Snapshot s, Request r) throws IOException {
    ObjectNode m = JSON.createObjectNode();
    String names = String.join("+", r.levels().stream().map(AdminLevel::urlName).toList());
    m.put("name", "Phaenthi " + names + (r.indicator() == null ? "" : " " + r.indicator().code()));
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
    for (AdminLevel l : r.levels()) {
      String level = l.urlName();
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
    }
    return JSON.writeValueAsString(m);
  }
}
