package org.phaenthi.imports;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.Draft;

/**
 * The import engine in three calls, each usable on its own: {@link #read} (bytes → table), {@link
 * #detect} (table → format, options, mapping) and {@link #validate} (→ report and counts), then
 * {@link #draft} for the next publication. It has no HTTP and no store: the server's jobs call it
 * and publish the draft.
 */
public final class Importer {
  private Importer() {}

  public static Table read(byte[] bytes, String fileName, Overrides o) {
    return TableReader.read(bytes, fileName, o.readOptions());
  }

  public static Detector.Detection detect(Table t, Overrides o) {
    return Detector.detect(t, o);
  }

  public static Upload validate(
      Table t,
      Detector.Detection d,
      Validator.Context ctx,
      IntConsumer progress,
      BooleanSupplier cancelled) {
    return Validator.validate(t, d, ctx, progress, cancelled);
  }

  /** Read, detect and validate in one go (tests, benchmarks, tools). */
  public static Upload check(byte[] bytes, String fileName, Overrides o, Validator.Context ctx) {
    Table t = read(bytes, fileName, o);
    return validate(t, detect(t, o), ctx, n -> {}, () -> false);
  }

  public static Draft draft(Dataset current, Upload u, String who, String note) {
    return UploadMerger.draft(current, u, who, note);
  }
}
