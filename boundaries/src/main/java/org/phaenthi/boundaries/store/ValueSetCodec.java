package org.phaenthi.boundaries.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.phaenthi.boundaries.indicators.AreaIndex;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.ValueColumn;

/**
 * One indicator's values at one level and year as one compact byte array, so a store loads a whole
 * dataset in a few hundred reads instead of 400,000 rows (the difference between a sub-second and a
 * many-second reload on a node that follows another's import). Null numbers are NaN.
 */
final class ValueSetCodec {
  private static final int FORMAT = 1;

  private ValueSetCodec() {}

  static byte[] encode(Collection<IndicatorValue> values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(values.size() * 40 + 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeInt(values.size());
      for (IndicatorValue v : values) {
        writeUtf(out, v.areaCode());
        out.writeDouble(nan(v.numerator()));
        out.writeDouble(nan(v.denominator()));
        out.writeDouble(nan(v.value()));
        writeUtf(out, v.missingReason() == null ? "" : v.missingReason());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * {@link DataOutputStream#writeUTF}'s bytes: an ASCII string (1–127, as codes and reasons are) is
   * its length and its chars as bytes, written without writeUTF's per-char encoding loop.
   */
  private static void writeUtf(DataOutputStream out, String s) throws IOException {
    int n = s.length();
    boolean ascii = n < 65536;
    for (int i = 0; i < n && ascii; i++) {
      char c = s.charAt(i);
      ascii = c >= 1 && c <= 127;
    }
    if (!ascii) {
      out.writeUTF(s);
      return;
    }
    out.writeShort(n);
    out.writeBytes(s);
  }

  /** The values of one blob as a column, its code index not shared with other columns. */
  static ValueColumn decode(byte[] data) {
    return decode(data, new AreaIndex.Pool());
  }

  /**
   * The values of one blob as a {@link ValueColumn} in code order; columns decoded through the same
   * pool share their code index when they hold the same areas. Blobs written before columns existed
   * (format 1 is unchanged) read the same way.
   */
  static ValueColumn decode(byte[] data, AreaIndex.Pool pool) {
    // read straight from the array (big-endian, as DataOutputStream writes): an ASCII string
    // without DataInputStream's char buffer, an empty reason without a string at all
    ByteBuffer in = ByteBuffer.wrap(data);
    try {
      int format = in.get();
      if (format != FORMAT) {
        throw new IllegalStateException("unknown value-set format " + format);
      }
      int n = in.getInt();
      ValueColumn known = onKnownIndex(data, in.position(), n, pool);
      if (known != null) {
        return known;
      }
      ValueColumn.Builder out = ValueColumn.builder(n);
      for (int i = 0; i < n; i++) {
        String code = utf(data, in);
        double num = in.getDouble();
        double den = in.getDouble();
        double val = in.getDouble();
        String reason = utf(data, in);
        out.add(code, num, den, val, reason.isEmpty() ? null : reason);
      }
      return out.build(pool);
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new UncheckedIOException(new EOFException("value-set blob cut short"));
    }
  }

  /**
   * The column when its codes are, in order, those of an index the pool handed out before (the
   * usual case: a level's 80 indicators share their areas), decoded without making a string per
   * code or sorting; null when they are not (or not ASCII), and the caller decodes it in full. One
   * pass hashes the codes' bytes, a second checks them against the pool's candidate while reading
   * the numbers.
   */
  private static ValueColumn onKnownIndex(byte[] data, int start, int n, AreaIndex.Pool pool) {
    long hash = AreaIndex.HASH_START;
    int at = start;
    for (int i = 0; i < n; i++) {
      int length = u16(data, at);
      at += 2;
      for (int k = at; k < at + length; k++) {
        if (data[k] <= 0) {
          return null; // not ASCII: the full decoder
        }
      }
      hash = AreaIndex.hashCode(hash, data, at, length);
      at += length + 24;
      at += 2 + u16(data, at);
    }
    AreaIndex index = pool.candidate(hash);
    if (index == null || index.size() != n) {
      return null;
    }
    double[] num = new double[n];
    double[] den = new double[n];
    double[] val = new double[n];
    String[] reasons = new String[n];
    ByteBuffer in = ByteBuffer.wrap(data);
    at = start;
    for (int i = 0; i < n; i++) {
      int length = u16(data, at);
      if (!index.codeEquals(i, data, at + 2, length)) {
        return null; // a hash collision
      }
      at += 2 + length;
      num[i] = in.getDouble(at);
      den[i] = in.getDouble(at + 8);
      val[i] = in.getDouble(at + 16);
      in.position(at + 24);
      String reason = utf(data, in);
      reasons[i] = reason.isEmpty() ? null : reason;
      at = in.position();
    }
    return ValueColumn.ofRows(index, num, den, val, reasons);
  }

  private static int u16(byte[] data, int at) {
    if (at + 2 > data.length) {
      throw new BufferUnderflowException();
    }
    return ((data[at] & 0xff) << 8) | (data[at + 1] & 0xff);
  }

  /** A string as {@link DataOutputStream#writeUTF} wrote it (modified UTF-8). */
  private static String utf(byte[] data, ByteBuffer in) {
    int length = in.getShort() & 0xffff;
    if (length == 0) {
      return "";
    }
    int at = in.position();
    if (at + length > data.length) {
      throw new BufferUnderflowException();
    }
    boolean ascii = true;
    for (int k = at; k < at + length && ascii; k++) {
      // 1–127 are themselves in modified UTF-8; anything else (0 included) takes the full decoder
      ascii = data[k] > 0;
    }
    in.position(at + length);
    if (ascii) {
      return new String(data, at, length, StandardCharsets.ISO_8859_1);
    }
    try {
      return new DataInputStream(new ByteArrayInputStream(data, at - 2, length + 2)).readUTF();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double nan(Double d) {
    return d == null ? Double.NaN : d;
  }
}
