package org.phaenthi.boundaries.coverage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.phaenthi.boundaries.AdminLevel;

/**
 * The binary form of {@link LevelBands}, so a warm start reads bands instead of recomputing them.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): magic {@code "PHLB"}, format version (int),
 * level URL name (UTF), band count (int); per band: min zoom, max zoom (int), tolerance (double),
 * area count (int), per area: code (UTF), WKB length (int), 2D big-endian WKB; border count (int),
 * per border: rank tag (UTF), code A (UTF), code B (UTF, empty for the outer edge), WKB length,
 * WKB. Coordinates are written as IEEE doubles, so a round trip is exact; the same bands always
 * give the same bytes.
 */
final class BandCodec {
  private static final int MAGIC = 0x50484C42; // "PHLB"
  private static final int VERSION = 1;

  private BandCodec() {}

  static byte[] write(LevelBands bands) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WKBWriter wkb = new WKBWriter(2);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(bands.level().urlName());
      out.writeInt(bands.bands().size());
      for (BandGeometry b : bands.bands()) {
        out.writeInt(b.band().minZoom());
        out.writeInt(b.band().maxZoom());
        out.writeDouble(b.band().toleranceMeters());
        out.writeInt(b.areas().size());
        for (Map.Entry<String, Geometry> e : b.areas().entrySet()) {
          out.writeUTF(e.getKey());
          writeBlob(out, wkb.write(e.getValue()));
        }
        out.writeInt(b.borders().size());
        for (BorderLine line : b.borders()) {
          out.writeUTF(line.rank().tag());
          out.writeUTF(line.codeA());
          out.writeUTF(line.codeB() == null ? "" : line.codeB());
          writeBlob(out, wkb.write(line.line()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen on a byte array
    }
    return bytes.toByteArray();
  }

  static LevelBands read(byte[] data) {
    if (data == null) {
      throw new IllegalArgumentException("no bytes");
    }
    WKBReader wkb = new WKBReader(PackedGeometry.FACTORY);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a LevelBands blob");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown LevelBands format version " + version);
      }
      String levelName = in.readUTF();
      AdminLevel level = AdminLevel.named(levelName);
      int bandCount = in.readInt();
      List<BandGeometry> bands = new ArrayList<>();
      for (int b = 0; b < bandCount; b++) {
        bands.add(readBand(in, wkb));
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException("trailing bytes after LevelBands");
      }
      return new LevelBands(level, bands);
    } catch (IOException | ParseException | ClassCastException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("corrupt LevelBands blob: " + e.getMessage(), e);
    }
  }

  private static BandGeometry readBand(DataInputStream in, WKBReader wkb)
      throws IOException, ParseException {
    ZoomBand band = new ZoomBand(in.readInt(), in.readInt(), in.readDouble());
    int areaCount = in.readInt();
    Map<String, Geometry> areas = new LinkedHashMap<>();
    for (int i = 0; i < areaCount; i++) {
      String code = in.readUTF();
      areas.put(code, wkb.read(readBlob(in)));
    }
    int borderCount = in.readInt();
    List<BorderLine> borders = new ArrayList<>(borderCount);
    for (int i = 0; i < borderCount; i++) {
      BorderRank rank = BorderRank.fromTag(in.readUTF());
      String codeA = in.readUTF();
      String codeB = in.readUTF();
      LineString line = (LineString) wkb.read(readBlob(in));
      borders.add(new BorderLine(rank, codeA, codeB.isEmpty() ? null : codeB, line));
    }
    return new BandGeometry(band, areas, borders);
  }

  private static void writeBlob(DataOutputStream out, byte[] blob) throws IOException {
    out.writeInt(blob.length);
    out.write(blob);
  }

  private static byte[] readBlob(DataInputStream in) throws IOException {
    byte[] blob = new byte[in.readInt()];
    in.readFully(blob);
    return blob;
  }
}
