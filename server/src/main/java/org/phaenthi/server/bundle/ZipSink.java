package org.phaenthi.server.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A bundle as a zip whose entries sit in one folder named after the area ({@code phaenthi-83/…}).
 * The tile archive is stored, not deflated: its tiles are gzip already, and a host serving it after
 * unzipping must see the same bytes.
 */
final class ZipSink implements BundleBuilder.Sink, AutoCloseable {
  private final ZipOutputStream zip;
  private final String folder;

  ZipSink(OutputStream out, String folder) {
    this.zip = new ZipOutputStream(out);
    this.folder = folder.isEmpty() ? "" : folder + "/";
  }

  @Override
  public void put(String path, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(folder + path));
    zip.write(bytes);
    zip.closeEntry();
  }

  @Override
  public void putFile(String path, Path file) throws IOException {
    ZipEntry e = new ZipEntry(folder + path);
    e.setMethod(ZipEntry.STORED);
    e.setSize(Files.size(file));
    CRC32 crc = new CRC32();
    try (var in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        crc.update(buf, 0, n);
      }
    }
    e.setCrc(crc.getValue());
    zip.putNextEntry(e);
    Files.copy(file, zip);
    zip.closeEntry();
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
