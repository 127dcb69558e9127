package org.phaenthi.server.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A bundle written as a folder (the command line's {@code --out dir}). */
final class DirectorySink implements BundleBuilder.Sink {
  private final Path dir;

  DirectorySink(Path dir) {
    this.dir = dir;
  }

  private Path target(String path) throws IOException {
    Path p = dir.resolve(path).normalize();
    Path parent = p.getParent();
    if (!p.startsWith(dir) || p.equals(dir) || parent == null) {
      throw new IOException("bundle path outside the folder: " + path);
    }
    Files.createDirectories(parent);
    return p;
  }

  @Override
  public void put(String path, byte[] bytes) throws IOException {
    Files.write(target(path), bytes);
  }

  @Override
  public void putFile(String path, Path file) throws IOException {
    Files.copy(file, target(path), StandardCopyOption.REPLACE_EXISTING);
  }
}
