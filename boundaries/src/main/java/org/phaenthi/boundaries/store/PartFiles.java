package org.phaenthi.boundaries.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.zip.CheckedInputStream;
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

  /** Reads one part; IllegalStateException naming the file when it is truncated or damaged. */
  static PartCodec.Encoded readPart(Path file, String id) {
    CRC32C crc = new CRC32C();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IllegalStateException("part file " + file + " is not a Phaenthi part");
      }
      byte[] header = new byte[in.readInt()];
      in.readFully(header);
      int n = in.readInt();
      Map<String, byte[]> chunks = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        byte[] data = new byte[in.readInt()];
        in.readFully(data);
        chunks.put(name, data);
      }
      long want = crc.getValue();
      long got = in.readLong(); // the checksum's own bytes, read after taking the sum
      if (want != got || in.read() != -1) {
        throw new IllegalStateException("part file " + file + " is damaged (checksum)");
      }
      return new PartCodec.Encoded(id, new String(header, StandardCharsets.UTF_8), chunks);
    } catch (EOFException e) {
      throw new IllegalStateException("part file " + file + " is truncated", e);
    } catch (IOException | NegativeArraySizeException e) {
      throw new IllegalStateException("cannot read part file " + file + ": " + e.getMessage(), e);
    }
  }
}
