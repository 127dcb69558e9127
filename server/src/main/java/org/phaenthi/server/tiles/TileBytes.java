package org.phaenthi.server.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Bytes that never change once made: a cached tile's gzip body or its uncompressed body, shared by
 * every request that serves it. Made from a copy of the caller's array, so nothing outside can
 * change a cached tile; read through a read-only {@link ByteBuffer} with its own position per call
 * (what Jetty writes, no copy of the bytes per request), a stream, or {@link #transferTo}.
 */
public final class TileBytes {
  private static final TileBytes EMPTY = new TileBytes(new byte[0]);

  private final byte[] bytes;

  /** Read-only, position 0; every reader takes a {@link ByteBuffer#duplicate()} of it. */
  private final ByteBuffer view;

  private TileBytes(byte[] owned) {
    this.bytes = owned;
    this.view = ByteBuffer.wrap(owned).asReadOnlyBuffer();
  }

  /** A copy of {@code bytes}. */
  public static TileBytes copyOf(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new TileBytes(bytes.clone());
  }

  /**
   * Takes over an array this package has just made (a rendered, gzipped, unzipped or loaded tile)
   * and keeps no other reference to, without copying it.
   */
  static TileBytes own(byte[] made) {
    return made.length == 0 ? EMPTY : new TileBytes(made);
  }

  public int length() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /**
   * The bytes as a read-only buffer of their own (position 0, limit {@link #length()}): concurrent
   * requests each get one, so writing one does not move another's position.
   */
  public ByteBuffer buffer() {
    return view.duplicate();
  }

  /** The bytes as a stream (e.g. to unzip them). */
  public InputStream stream() {
    return new ByteArrayInputStream(bytes);
  }

  /** Writes every byte to {@code out} (as {@link InputStream#transferTo}). */
  public void transferTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  /** A copy of the bytes, for callers that need an array of their own. */
  public byte[] toByteArray() {
    return bytes.clone();
  }
}
