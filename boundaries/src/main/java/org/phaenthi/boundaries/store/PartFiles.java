package org.phaenthi.boundaries.store;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Crash-safe files: a file is written under a temporary name, forced to disk, renamed over its
 * final name in one atomic step and its directory forced, so after a crash a reader finds either
 * the old file or the complete new one. Part files end with a CRC-32C of their content, so a
 * damaged one is refused by name instead of half-read.
 */
final class PartFiles {
  private static final byte[] MAGIC = "PHAENTHI-PART-1\n".getBytes(StandardCharsets.US_ASCII);

  private PartFiles() {}

  /** Writes bytes to {@code target} atomically and durably. */
  static void writeAtomically(Path target, Writer writer) throws IOException {
    Path tmp =
        target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
      writer.write(out);
      out.flush();
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("the store's file system cannot rename atomically: " + target, e);
    }
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      forceDirectory(parent);
    }
  }

  /** What writes a file's content. */
  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; the rename is still atomic there.
    }
  }

  /** Writes one part: magic, header, named chunks, CRC-32C of all that. */
  static void writePart(Path file, PartCodec.Encoded part) throws IOException {
    writeAtomically(
        file,
        raw -> {
          CRC32C crc = new CRC32C();
          DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
          out.write(MAGIC);
          byte[] header = part.header().getBytes(StandardCharsets.UTF_8);
          out.writeInt(header.length);
          out.write(header);
          out.writeInt(part.chunks().size());
          for (Map.Entry<String, byte[]> c : part.chunks().entrySet()) {
            out.writeUTF(c.getKey());
            out.writeInt(c.getValue().length);
            out.write(c.getValue());
          }
          out.flush();
          new DataOutputStream(raw).writeLong(crc.getValue());
        });
  }

  /**
   * Reads one part; IllegalStateException naming the file when it is truncated or damaged. Each
   * chunk is read from the channel straight into its own array (no stream buffer in between) and
   * summed there: a warm start reads half a gigabyte of parts this way.
   */
  static PartCodec.Encoded readPart(Path file, String id) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ChunkReader in = new ChunkReader(ch, ch.size() - Long.BYTES);
      byte[] magic = in.bytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IllegalStateException("part file " + file + " is not a Phaenthi part");
      }
      byte[] header = in.bytes(in.readInt());
      int n = in.readInt();
      Map<String, byte[]> chunks = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String name = in.readUtf();
        chunks.put(name, in.bytes(in.readInt()));
      }
      if (in.remaining() != 0) {
        throw new IllegalStateException("part file " + file + " is damaged (checksum)");
      }
      long want = in.crc.getValue();
      ByteBuffer sum = ByteBuffer.allocate(Long.BYTES); // the checksum's own bytes, not summed
      in.fill(sum);
      if (want != sum.flip().getLong()) {
        throw new IllegalStateException("part file " + file + " is damaged (checksum)");
      }
      return new PartCodec.Encoded(id, new String(header, StandardCharsets.UTF_8), chunks);
    } catch (EOFException e) {
      throw new IllegalStateException("part file " + file + " is truncated", e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read part file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a part's fields from a channel up to {@code end} (where its checksum starts), summing
   * every byte it reads; a length beyond {@code end} is a truncated file, not an allocation.
   */
  private static final class ChunkReader {
    private final FileChannel ch;
    private final long end;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer small = ByteBuffer.allocate(Integer.BYTES);

    ChunkReader(FileChannel ch, long end) throws EOFException {
      if (end < 0) {
        throw new EOFException("shorter than a checksum");
      }
      this.ch = ch;
      this.end = end;
    }

    long remaining() throws IOException {
      return end - ch.position();
    }

    byte[] bytes(int length) throws IOException {
      if (length < 0 || length > remaining()) {
        throw new EOFException("a field of " + length + " bytes past the end");
      }
      byte[] data = new byte[length];
      fill(ByteBuffer.wrap(data));
      crc.update(data, 0, length);
      return data;
    }

    int readInt() throws IOException {
      if (remaining() < Integer.BYTES) {
        throw new EOFException();
      }
      small.clear();
      fill(small);
      crc.update(small.flip());
      return small.getInt(0);
    }

    /** A name as {@link DataOutputStream#writeUTF} wrote it. */
    String readUtf() throws IOException {
      if (remaining() < 2) {
        throw new EOFException();
      }
      small.clear().limit(2);
      fill(small);
      crc.update(small.flip());
      int length = ((small.get(0) & 0xff) << 8) | (small.get(1) & 0xff);
      byte[] utf = bytes(length);
      ByteBuffer framed = ByteBuffer.allocate(2 + length).putShort((short) length).put(utf);
      return new DataInputStream(new java.io.ByteArrayInputStream(framed.array())).readUTF();
    }

    void fill(ByteBuffer b) throws IOException {
      while (b.hasRemaining()) {
        if (ch.read(b) < 0) {
          throw new EOFException();
        }
      }
    }
  }
}
