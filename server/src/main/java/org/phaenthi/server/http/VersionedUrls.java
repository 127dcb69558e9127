package org.phaenthi.server.http;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.phaenthi.server.ApiException;

/**
 * The client cache policy of data responses. A URL that names, in {@code v=}, the version this node
 * serves is an immutable answer: that version's response never changes, so browsers and CDNs may
 * keep it for a year without asking again, and a publish or rollback reaches the client as a new
 * version, hence a new URL. A URL without {@code v} (or naming another version than the one served:
 * a client behind, or ahead of this node in a cluster) is answered with the current data and must
 * be revalidated (ETag, 304) before every reuse, so nothing outlives a publish.
 */
public final class VersionedUrls {
  /** The query parameter naming the version a client was told. */
  public static final String PARAM = "v";

  /** Cache-Control of a response whose URL names the version served. */
  public static final String IMMUTABLE = "public, max-age=31536000, immutable";

  /** Cache-Control of every other data response: kept, but revalidated before each use. */
  public static final String REVALIDATE = "public, no-cache";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private VersionedUrls() {}

  /**
   * Cache-Control for a response built from {@code servedVersion}: {@link #IMMUTABLE} when the
   * request's {@code v} equals it, else {@link #REVALIDATE}; 400 naming {@code v} for a malformed
   * value.
   */
  public static String cacheControl(Context ctx, String servedVersion) {
    return cacheControl(ctx.queryParam(PARAM), servedVersion, REVALIDATE);
  }

  /**
   * Cache-Control for a tile or TileJSON answer built from the part version {@code servedVersion}:
   * {@link #IMMUTABLE} when {@code v} names it, {@link #REVALIDATE} when it names another one, and
   * {@code unversioned} (the {@code --cache-control} setting) when there is no {@code v}.
   *
   * <p>Why tiles without {@code v} keep a short max-age rather than {@code no-cache}: they are what
   * third-party clients ask for (QGIS, seeders, a hand-written MapLibre template), dozens per view,
   * and {@code no-cache} would make each reuse a round trip; nginx's {@code proxy_cache} (the
   * shipped docs/nginx-phaenthi.conf) does not store a {@code no-cache} answer at all, so the
   * shared cache in front would stop absorbing them. A {@code v} naming another version (a client
   * behind this node, or ahead of it during a publish in a cluster) is rare, and its answer is the
   * served version's bytes under another version's name: no cache may keep that, so it is
   * revalidated.
   *
   * @throws ApiException 400 naming {@code v} when it is not a version token
   */
  public static String cacheControl(String v, String servedVersion, String unversioned) {
    if (v == null) {
      return unversioned;
    }
    if (!isToken(v)) {
      throw ApiException.badRequest(
          "parameter 'v' must be a data version as /api/meta gives it (letters, digits, '.', '_',"
              + " '-'; at most 128), not '"
              + (v.length() > 40 ? v.substring(0, 40) + "…" : v)
              + "'");
    }
    return v.equals(servedVersion) ? IMMUTABLE : REVALIDATE;
  }

  /** Whether {@code v} has the form of a version (the check behind the 400). */
  public static boolean isToken(String v) {
    return TOKEN.matcher(v).matches();
  }
}
