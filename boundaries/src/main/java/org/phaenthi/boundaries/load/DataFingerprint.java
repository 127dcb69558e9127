package org.phaenthi.boundaries.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The data version: a SHA-256 over the importer's version, its settings and the bytes of every
 * input file. Any change to any input gives a new version, so nothing keyed by it can go stale.
 */
public final class DataFingerprint {
  private DataFingerprint() {}

  public static String of(String importerVersion, String settings, List<Path> files) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(importerVersion.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(settings.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      byte[] buf = new byte[1 << 16];
      for (Path f : files) {
        md.update((byte) 0);
        md.update(
            String.valueOf(f.getFileName()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (InputStream in = Files.newInputStream(f)) {
          int n;
          while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
          }
        }
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read input file: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
