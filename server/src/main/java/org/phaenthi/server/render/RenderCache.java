package org.phaenthi.server.render;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.phaenthi.server.export.ExportAdmission;

/**
 * Rendered pictures, cached like tiles: Caffeine bounded by bytes, keyed by the part versions the
 * picture reads (boundaries and values) and the request, sent with a strong ETag (versions +
 * content hash, the same on every node), {@code Cache-Control} and 304 on {@code If-None-Match}. A
 * miss renders under a slot of the export admission, so a burst of pictures cannot take every core
 * or the heap: beyond the slots it is a 503 with {@code Retry-After}.
 */
public final class RenderCache {
  /**
   * Heap bound of the cached pictures (a slide PNG is ~0.1–0.5 MB, an A4 PNG at 300 dpi ~1–3 MB).
   */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  record Entry(byte[] body, String etag) {}

  private final Cache<String, Entry> cache;
  private final ExportAdmission admission;
  private final String cacheControl;

  public RenderCache(long maxBytes, ExportAdmission admission, String cacheControl) {
    this.admission = admission;
    this.cacheControl = cacheControl;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String k, Entry e) -> e.body.length + k.length() * 2 + 64)
            .build();
  }

  /** Sends the picture for {@code version} and {@code key}, rendering it once. */
  public void send(
      Context ctx,
      String version,
      String key,
      String contentType,
      String fileName,
      Supplier<byte[]> render) {
    String k = version + "|" + key;
    Entry e = cache.getIfPresent(k);
    if (e == null) {
      try (ExportAdmission.Permit p = admission.enter(ctx)) {
        e =
            cache.get(
                k,
                x -> {
                  byte[] bytes = render.get();
                  return new Entry(bytes, "\"" + version + "-" + hash(bytes) + "\"");
                });
      }
    }
    ctx.header("ETag", e.etag);
    ctx.header("Cache-Control", cacheControl);
    ctx.header("Content-Disposition", "inline; filename=\"" + fileName + "\"");
    String inm = ctx.header("If-None-Match");
    if (inm != null && inm.contains(e.etag)) {
      ctx.status(304);
      return;
    }
    ctx.contentType(contentType);
    ctx.result(e.body);
  }

  long size() {
    return cache.estimatedSize();
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
