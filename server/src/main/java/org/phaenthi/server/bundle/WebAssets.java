package org.phaenthi.server.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The web app's files as this build serves them (the {@code web} jar on the class path, or its
 * {@code target/classes} in a development run): the app's pages, scripts, styles, fonts and vendor
 * libraries, and Leaflet from its WebJar, by the relative path they have under the server's root.
 */
final class WebAssets {
  static final String ROOT = "phaenthi-web";
  static final String LEAFLET = "META-INF/resources/webjars/leaflet/1.9.4/";
  private static final List<String> LEAFLET_FILES =
      List.of(
          "LICENSE",
          "dist/leaflet.css",
          "dist/leaflet.js",
          "dist/images/layers.png",
          "dist/images/layers-2x.png",
          "dist/images/marker-icon.png",
          "dist/images/marker-icon-2x.png",
          "dist/images/marker-shadow.png");

  private WebAssets() {}

  private static volatile String version;

  /**
   * A short hash of every file {@link #read()} gives: a new build of the web app is a new bundle
   * (ETag) even for the same data.
   */
  static String version() throws IOException {
    String v = version;
    if (v == null) {
      try {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (var e : read().entrySet()) {
          sha.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          sha.update((byte) 0);
          sha.update(e.getValue());
        }
        v = java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 12);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      version = v;
    }
    return v;
  }

  /** Relative path → bytes of every file the static app needs (the admin page left out). */
  static Map<String, byte[]> read() throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    URL index = resource(ROOT + "/index.html");
    URI uri;
    try {
      uri = index.toURI();
    } catch (URISyntaxException e) {
      throw new IOException("cannot read the web app's files from " + index, e);
    }
    if (uri.getScheme().equals("jar")) {
      FileSystem fs;
      boolean own = false;
      try {
        fs = FileSystems.newFileSystem(uri, Map.of());
        own = true;
      } catch (FileSystemAlreadyExistsException e) {
        fs = FileSystems.getFileSystem(uri);
      }
      try {
        collect(fs.getPath("/" + ROOT), out);
      } finally {
        if (own) {
          fs.close();
        }
      }
    } else {
      collect(Path.of(uri).getParent(), out);
    }
    for (String f : LEAFLET_FILES) {
      try (InputStream in = resource(LEAFLET + f).openStream()) {
        out.put("webjars/leaflet/1.9.4/" + f, in.readAllBytes());
      }
    }
    return out;
  }

  private static void collect(Path root, Map<String, byte[]> out) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (Files.isRegularFile(p) && keep(rel)) {
          out.put(rel, Files.readAllBytes(p));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Not the admin page and its scripts (a static site has no admin API). */
  private static boolean keep(String rel) {
    return !rel.startsWith("admin") && !rel.startsWith("js/admin/");
  }

  private static URL resource(String name) throws IOException {
    URL url = WebAssets.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IOException("the web app's file " + name + " is not on the class path");
    }
    return url;
  }
}
