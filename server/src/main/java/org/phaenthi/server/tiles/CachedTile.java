package org.phaenthi.server.tiles;

/**
 * A rendered tile as stored in the cache: gzip bytes (what almost every client accepts) and its
 * strong ETag. Empty tiles are cached too, as zero bytes.
 */
public record CachedTile(byte[] gzip, int rawBytes, String etag) {
  public boolean isEmpty() {
    return rawBytes == 0;
  }
}
