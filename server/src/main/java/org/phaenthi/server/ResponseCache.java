package org.phaenthi.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.phaenthi.server.tiles.TileCache;

/**
 * Serialized responses (JSON, GeoJSON) of read-only endpoints, keyed by data version and request,
 * bounded by bytes. A hit skips building and serialising the response; every response gets a strong
 * ETag (data version + content hash, identical on every node) and 304 on a matching If-None-Match.
 */
public final class ResponseCache {
  private record Entry(byte[] body, byte[] gzip, String etag) {}

  private final Cache<String, Entry> cache;
  private final String cacheControl;

  public ResponseCache(long maxBytes, String cacheControl) {
    this.cacheControl = cacheControl;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String k, Entry e) -> e.body.length + e.gzip.length + k.length() * 2 + 64)
            .build();
  }

  /**
   * Sends the cached JSON response for this version and key, building it with {@code body} once.
   */
  public void send(Context ctx, String version, String key, Supplier<Object> body) {
    send(ctx, version, key, "application/json; charset=utf-8", () -> Json.bytes(body.get()));
  }

  /** Sends cached bytes of any content type, building them with {@code body} once. */
  public void send(
      Context ctx, String version, String key, String contentType, Supplier<byte[]> body) {
    send(ctx, version, key, contentType, body, cacheControl);
  }

  /**
   * The JSON response for this version and key with the given Cache-Control (see {@link
   * org.phaenthi.server.http.VersionedUrls}).
   */
  public void sendJson(
      Context ctx, String version, String key, String cacheControl, Supplier<Object> body) {
    send(
        ctx,
        version,
        key,
        "application/json; charset=utf-8",
        () -> Json.bytes(body.get()),
        cacheControl);
  }

  /** Cached bytes of any content type with the given Cache-Control. */
  public void send(
      Context ctx,
      String version,
      String key,
      String contentType,
      Supplier<byte[]> body,
      String cacheControl) {
    Entry e =
        cache.get(
            version + "|" + key,
            k -> {
              byte[] bytes = body.get();
              return new Entry(
                  bytes, TileCache.gzip(bytes), "\"" + version + "-" + hash(bytes) + "\"");
            });
    ctx.header("ETag", e.etag);
    ctx.header("Cache-Control", cacheControl);
    org.phaenthi.server.http.Vary.add(ctx, "Accept-Encoding");
    String inm = ctx.header("If-None-Match");
    if (inm != null && inm.contains(e.etag)) {
      ctx.status(304);
      return;
    }
    // Compressed once when cached, not on every request.
    ctx.disableCompression();
    ctx.contentType(contentType);
    String accept = ctx.header("Accept-Encoding");
    if (AcceptEncoding.gzip(accept)) {
      ctx.header("Content-Encoding", "gzip");
      ctx.result(e.gzip);
    } else {
      ctx.result(e.body);
    }
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
