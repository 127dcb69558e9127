package org.phaenthi.server.ogc;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.phaenthi.server.http.VersionedUrls;

/**
 * The cache policy of every OGC API response, in one place. OGC clients (QGIS, GDAL, the OGC test
 * suite) write their own URLs, which name no data version, so no OGC answer can be {@code
 * immutable} the way a {@code v=} tile is: each is {@code public, no-cache} — a browser or shared
 * cache keeps it but asks before every reuse — with a weak ETag that makes the question a 304 while
 * the parts the answer reads are unchanged, so nothing outlives a publish.
 *
 * <p>The ETag is {@code W/"<part version>-<hash of the request>"}: the part version is the one the
 * answer reads (the boundary set for items without an indicator, so a new value set changes no ETag
 * of plain items, as for geometry tiles; an indicator-year's value version with one; the data
 * version for the landing page, collections and schemas), the request is the output version, the
 * format, the base of the links, the path and the query. Weak, because items carry a {@code
 * timeStamp}. The 304 keeps the 200's {@code Cache-Control}, {@code ETag} and {@code Vary} (RFC
 * 9110 §15.4.5): callers negotiate the format, which adds {@code Vary}, before asking.
 */
final class OgcCaching {
  /** Bump when any OGC output changes for the same data and request. */
  static final String OUTPUT_VERSION = "2";

  private OgcCaching() {}

  /**
   * Sets Cache-Control and the ETag of this answer, and answers 304 (true) when {@code
   * If-None-Match} names it.
   */
  static boolean notModified(Context ctx, String partVersion, OgcFormat format) {
    ctx.header("Cache-Control", VersionedUrls.REVALIDATE);
    String request =
        OUTPUT_VERSION
            + "|"
            + format
            + "|"
            + OgcUrls.ogc(ctx)
            + "|"
            + ctx.path()
            + "|"
            + (ctx.queryString() == null ? "" : ctx.queryString());
    String etag = "W/\"" + partVersion + "-" + hash(request) + "\"";
    ctx.header("ETag", etag);
    String inm = ctx.header("If-None-Match");
    if (inm != null && (inm.trim().equals("*") || matchesWeakly(inm, etag))) {
      ctx.status(304);
      return true;
    }
    return false;
  }

  /** RFC 9110 weak comparison: the opaque tags are equal, W/ or not. */
  static boolean matchesWeakly(String ifNoneMatch, String etag) {
    String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)),
              0,
              8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
