package org.phaenthi.boundaries.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.phaenthi.boundaries.indicators.IndicatorValue;

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
        out.writeUTF(v.areaCode());
        out.writeDouble(nan(v.numerator()));
        out.writeDouble(nan(v.denominator()));
        out.writeDouble(nan(v.value()));
        out.writeUTF(v.missingReason() == null ? "" : v.missingReason());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Map<String, IndicatorValue> decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalStateException("unknown value-set format " + format);
      }
      int n = in.readInt();
      Map<String, IndicatorValue> out = new LinkedHashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String code = in.readUTF();
        Double num = value(in.readDouble());
        Double den = value(in.readDouble());
        Double val = value(in.readDouble());
        String reason = in.readUTF();
        out.put(code, new IndicatorValue(code, num, den, val, reason.isEmpty() ? null : reason));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double nan(Double d) {
    return d == null ? Double.NaN : d;
  }

  private static Double value(double d) {
    return Double.isNaN(d) ? null : d;
  }
}
