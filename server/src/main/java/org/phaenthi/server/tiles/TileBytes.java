package org.phaenthi.server.tiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Bytes that never change once made: a cached tile's gzip body or its uncompressed body, shared by
 * every request that serves it. Made from a copy of the caller's array, so nothing outside can
 * change a cached tile; read through a read-only {@link ByteBuffer} with its own position per call
 * (what Jetty writes, no copy of the bytes per request), a stream, or {@link #transferTo}.
 *
 * <p>The bytes live in a <em>direct</em> buffer, outside the Java heap: the JDK writes a heap
 * buffer to a socket by copying it into a temporary direct buffer first, for every write, which
 * cost a cached tile more CPU than Jetty's whole response generation (BENCHMARKS.md, "Cached
 * tiles"). A direct buffer goes to {@code writev} as it is. The tile caches are therefore direct
 * memory (bounded by their own byte limits; {@code -XX:MaxDirectMemorySize} defaults to the heap
 * limit), not heap; README says so.
 */
public final class TileBytes {
  private static final TileBytes EMPTY = new TileBytes(new byte[0]);

  /** Read-only, position 0; every reader takes a {@link ByteBuffer#duplicate()} of it. */
  private final ByteBuffer view;

  /** {@code Content-Length} of these bytes, encoded once. */
  private final HttpField contentLength;

  private TileBytes(byte[] bytes) {
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
    direct.put(bytes).flip();
    this.view = direct.asReadOnlyBuffer();
    this.contentLength = new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, bytes.length);
  }

  /**
   * A copy of {@code bytes} in direct memory: the caller's array may change or be dropped (a
   * rendered, gzipped, unzipped or loaded tile's array is dropped).
   */
  public static TileBytes copyOf(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new TileBytes(bytes);
  }

  public int length() {
    return view.capacity();
  }

  public boolean isEmpty() {
    return view.capacity() == 0;
  }

  /** {@code Content-Length: }{@link #length()}, pre-encoded (for {@link TileFastPath}). */
  HttpField contentLength() {
    return contentLength;
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
    ByteBuffer b = buffer();
    return new InputStream() {
      @Override
      public int read() {
        return b.hasRemaining() ? b.get() & 0xff : -1;
      }

      @Override
      public int read(byte[] into, int off, int len) {
        if (len == 0) {
          return 0;
        }
        if (!b.hasRemaining()) {
          return -1;
        }
        int n = Math.min(len, b.remaining());
        b.get(into, off, n);
        return n;
      }

      @Override
      public int available() {
        return b.remaining();
      }
    };
  }

  /** Writes every byte to {@code out} (as {@link InputStream#transferTo}). */
  public void transferTo(OutputStream out) throws IOException {
    out.write(toByteArray());
  }

  /** A copy of the bytes, for callers that need an array of their own. */
  public byte[] toByteArray() {
    byte[] copy = new byte[length()];
    buffer().get(copy);
    return copy;
  }
}
