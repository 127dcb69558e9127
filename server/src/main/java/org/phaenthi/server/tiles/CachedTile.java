package org.phaenthi.server.tiles;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * A rendered tile as stored in the cache: gzip bytes (what almost every client accepts) and its
 * strong ETag. Empty tiles are cached too, as zero bytes. Immutable: the bytes are a {@link
 * TileBytes}, which nothing can change once the tile is made.
 *
 * @param etagHeader the ETag as a header field encoded once, so {@link TileFastPath} does not
 *     encode it again for every request
 */
public record CachedTile(TileBytes gzip, int rawBytes, String etag, HttpField etagHeader) {
  public CachedTile(TileBytes gzip, int rawBytes, String etag) {
    this(gzip, rawBytes, etag, new PreEncodedHttpField(HttpHeader.ETAG, etag));
  }

  /** A tile of a copy of {@code gzip}. */
  public CachedTile(byte[] gzip, int rawBytes, String etag) {
    this(TileBytes.copyOf(gzip), rawBytes, etag);
  }

  public boolean isEmpty() {
    return rawBytes == 0;
  }
}
