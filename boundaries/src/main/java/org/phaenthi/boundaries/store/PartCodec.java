package org.phaenthi.boundaries.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.Levels;
import org.phaenthi.boundaries.catalog.BoundarySet;
import org.phaenthi.boundaries.catalog.IndicatorSet;
import org.phaenthi.boundaries.catalog.ValueSet;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.ValueColumn;
import org.phaenthi.boundaries.indicators.YearInfo;

/**
 * Parts as a JSON header plus named byte chunks, the one encoding both stores write: the embedded
 * store puts them in one file per part, PostGIS in rows. A boundary set's header declares its
 * levels; its chunks are {@code areas} (every area with its WKB polygon, none for a level without
 * geometry) and one {@code blob:NAME} per derived blob; an indicator set's definitions are all in
 * its header; a value set has one {@code values/LEVEL/INDICATOR} chunk per indicator and level.
 */
final class PartCodec {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String AREAS = "areas";
  private static final String BLOB = "blob:";
  private static final String VALUES = "values/";

  private PartCodec() {}

  /** A part as stored: its kind letter, header JSON and named chunks. */
  record Encoded(String id, String header, Map<String, byte[]> chunks) {}

  // ---- boundary sets

  /**
   * @param levels the boundary set's levels ({@link Levels#toJson}); absent in parts written before
   *     levels were data, which are of the standard levels
   */
  record BoundaryHeader(
      String id,
      String vintage,
      String createdAt,
      Map<String, Long> report,
      List<Map<String, Object>> levels) {}

  static Encoded encode(BoundarySet b) {
    Map<String, byte[]> chunks = new LinkedHashMap<>();
    chunks.put(AREAS, encodeAreas(b.boundaries()));
    // iterated once, in order: a failing source fails here, before anything is written
    for (Map.Entry<String, byte[]> e : b.blobs().entrySet()) {
      chunks.put(BLOB + e.getKey(), e.getValue());
    }
    return new Encoded(
        b.id(),
        json(
            new BoundaryHeader(
                b.id(),
                b.vintage(),
                b.createdAt().toString(),
                b.report(),
                b.boundaries().levels().toJson())),
        chunks);
  }

  static BoundarySet decodeBoundarySet(String header, Map<String, byte[]> chunks) {
    BoundaryHeader h = read(header, BoundaryHeader.class);
    Map<String, byte[]> blobs = new LinkedHashMap<>();
    chunks.forEach(
        (name, bytes) -> {
          if (name.startsWith(BLOB)) {
            blobs.put(name.substring(BLOB.length()), bytes);
          }
        });
    byte[] areas = chunks.get(AREAS);
    if (areas == null) {
      throw new IllegalStateException("boundary set " + h.id() + " has no areas");
    }
    Levels levels = h.levels() == null ? Levels.STANDARD : Levels.fromJson(h.levels());
    return new BoundarySet(
        h.id(),
        h.vintage(),
        Instant.parse(h.createdAt()),
        decodeAreas(levels, areas),
        blobs,
        h.report());
  }

  private static byte[] encodeAreas(Boundaries b) {
    WKBWriter wkb = new WKBWriter(2, true);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      List<Area> all = new ArrayList<>();
      for (AdminLevel level : b.levels()) {
        all.addAll(b.areas(level));
      }
      out.writeInt(all.size());
      for (Area a : all) {
        out.writeUTF(a.code());
        out.writeUTF(a.level().urlName());
        out.writeUTF(a.nameTh() == null ? "" : a.nameTh());
        out.writeUTF(a.nameEn() == null ? "" : a.nameEn());
        out.writeUTF(a.parentCode() == null ? "" : a.parentCode());
        if (a.geometry() == null) {
          out.writeInt(-1); // a level without geometry
          continue;
        }
        byte[] g = wkb.write(a.geometry());
        out.writeInt(g.length);
        out.write(g);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Boundaries decodeAreas(Levels levels, byte[] data) {
    WKBReader reader = new WKBReader(new GeometryFactory(new PrecisionModel(), 4326));
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int n = in.readInt();
      List<Area> areas = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String code = in.readUTF();
        String levelName = in.readUTF();
        AdminLevel level =
            levels
                .byName(levelName)
                .orElseThrow(
                    () -> new IllegalStateException("undeclared level " + levelName + " in store"));
        String th = in.readUTF();
        String en = in.readUTF();
        String parent = in.readUTF();
        int length = in.readInt();
        byte[] g = length < 0 ? null : new byte[length];
        if (g != null) {
          in.readFully(g);
        }
        areas.add(
            new Area(
                code,
                th.isEmpty() ? null : th,
                en.isEmpty() ? null : en,
                parent.isEmpty() ? null : parent,
                level,
                g == null ? null : reader.read(g)));
      }
      return new Boundaries(levels, areas);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("bad geometry in the store: " + e.getMessage(), e);
    }
  }

  // ---- indicator sets

  record IndicatorHeader(
      String id, String name, String createdAt, List<Indicator> indicators, String licence) {}

  static Encoded encode(IndicatorSet s) {
    return new Encoded(
        s.id(),
        json(
            new IndicatorHeader(
                s.id(), s.name(), s.createdAt().toString(), s.indicators(), s.licence())),
        Map.of());
  }

  static IndicatorSet decodeIndicatorSet(String header) {
    IndicatorHeader h = read(header, IndicatorHeader.class);
    return new IndicatorSet(
        h.id(), h.name(), Instant.parse(h.createdAt()), h.indicators(), h.licence());
  }

  // ---- value sets

  record ValueHeader(
      String id, String indicatorSet, YearInfo year, String createdAt, Map<String, Long> report) {}

  static Encoded encode(ValueSet v) {
    List<String> names = new ArrayList<>();
    List<Map<String, IndicatorValue>> columns = new ArrayList<>();
    for (var byLevel : v.values().entrySet()) {
      for (var byIndicator : byLevel.getValue().entrySet()) {
        String code = byIndicator.getKey();
        if (code.length() > 64 || code.indexOf('/') >= 0) {
          throw new IllegalArgumentException("indicator code too long or with '/': " + code);
        }
        names.add(VALUES + byLevel.getKey().urlName() + "/" + code);
        columns.add(byIndicator.getValue());
      }
    }
    // the columns encode independently: side by side on the cores, kept in order
    List<byte[]> encoded =
        columns.parallelStream().map(c -> ValueSetCodec.encode(c.values())).toList();
    Map<String, byte[]> chunks = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      chunks.put(names.get(i), encoded.get(i));
    }
    return new Encoded(
        v.id(),
        json(
            new ValueHeader(
                v.id(), v.indicatorSet(), v.year(), v.createdAt().toString(), v.report())),
        chunks);
  }

  static ValueSet decodeValueSet(String header, Map<String, byte[]> chunks) {
    ValueHeader h = read(header, ValueHeader.class);
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> values = new TreeMap<>();
    // columns of the same areas share one code index
    org.phaenthi.boundaries.indicators.AreaIndex.Pool pool =
        new org.phaenthi.boundaries.indicators.AreaIndex.Pool();
    List<Map.Entry<String, byte[]>> columns =
        chunks.entrySet().stream().filter(e -> e.getKey().startsWith(VALUES)).toList();
    // the columns decode independently (the pool is thread-safe): side by side on the cores, then
    // put in the stored order (a warm start spends most of its store read here)
    List<ValueColumn> decoded =
        columns.parallelStream().map(e -> ValueSetCodec.decode(e.getValue(), pool)).toList();
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i).getKey();
      int slash = name.indexOf('/', VALUES.length());
      // resolved against the boundary set's levels when a dataset assembles the parts
      AdminLevel level = AdminLevel.named(name.substring(VALUES.length(), slash));
      values
          .computeIfAbsent(level, k -> new LinkedHashMap<>())
          .put(name.substring(slash + 1), decoded.get(i));
    }
    return new ValueSet(
        h.id(), h.indicatorSet(), h.year(), Instant.parse(h.createdAt()), values, h.report());
  }

  /** A stored part as the kind of part the caller expects. */
  static Object decode(Class<?> type, Encoded e) {
    if (type == BoundarySet.class) {
      return decodeBoundarySet(e.header(), e.chunks());
    } else if (type == IndicatorSet.class) {
      return decodeIndicatorSet(e.header());
    } else if (type == ValueSet.class) {
      return decodeValueSet(e.header(), e.chunks());
    }
    throw new IllegalArgumentException("not a part type: " + type);
  }

  // ---- JSON

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable part header in the store: " + e.getMessage(), e);
    }
  }

  static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable record in the store: " + e.getMessage(), e);
    }
  }
}
