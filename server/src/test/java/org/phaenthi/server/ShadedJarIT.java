package org.phaenthi.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded phaenthi.jar (built at {@code package}, so this runs as an IT) carries our licence,
 * the merged notices, and a list of every bundled library with its licence.
 */
class ShadedJarIT {
  private static final Path JAR = Path.of("target/phaenthi.jar");

  @BeforeAll
  static void jarIsBuilt() {
    assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is built at package");
  }

  private static String text(JarFile jar, String name) throws IOException {
    ZipEntry e = jar.getEntry(name);
    assertNotNull(e, name + " is in the jar");
    try (InputStream in = jar.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void carriesTheApacheLicenceAndOneMergedNotice() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String licence = text(jar, "META-INF/LICENSE");
      assertTrue(licence.contains("Apache License"), licence);
      assertTrue(licence.contains("Version 2.0, January 2004"), licence);
      String notice = text(jar, "META-INF/NOTICE");
      assertTrue(notice.strip().startsWith("Phaenthi"), "our NOTICE comes first:\n" + notice);
      // the bundled libraries' NOTICE texts are merged in (POI's and Jackson's, for example)
      assertTrue(notice.contains("Apache POI"), notice);
      assertTrue(notice.contains("Jackson"), notice);
      // the libraries' own licence files are kept, one folder per artifact
      assertNotNull(jar.getEntry("META-INF/third-party/postgresql-42.7.14-jar/META-INF/LICENSE"));
      assertNotNull(
          jar.getEntry("META-INF/third-party/jackson-core-2.23.0-jar/META-INF/Schubfach-LICENSE"));
    }
  }

  @Test
  void listsEveryBundledJavaLibraryWithItsLicence() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String list = text(jar, "META-INF/THIRD-PARTY.txt");
      List<String> bundled = new ArrayList<>();
      // every Maven artifact whose classes were shaded in leaves its pom.properties behind
      for (ZipEntry e : jar.stream().toList()) {
        if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
          Properties p = new Properties();
          try (InputStream in = jar.getInputStream(e)) {
            p.load(in);
          }
          String ga = p.getProperty("groupId") + ":" + p.getProperty("artifactId");
          if (!ga.startsWith("org.phaenthi:")) {
            bundled.add(ga);
          }
        }
      }
      assertTrue(bundled.size() > 40, "found the bundled artifacts: " + bundled);
      List<String> missing = bundled.stream().filter(ga -> !list.contains("(" + ga + ":")).toList();
      assertTrue(missing.isEmpty(), "not in THIRD-PARTY.txt: " + missing);
      assertTrue(
          list.contains("(Eclipse Public License, Version 2.0) org.locationtech.jts:jts-core"),
          list);
      assertTrue(list.contains("(BSD-2-Clause) leaflet (org.webjars.npm:leaflet:"), list);
      assertFalse(list.contains("org.junit"), "test libraries are not bundled: " + list);
    }
  }

  @Test
  void listsTheBrowserLibrariesAndTheFont() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String web = text(jar, "META-INF/THIRD-PARTY-web.txt");
      for (String row :
          List.of(
              "(Beerware) leaflet.vectorgrid 1.3.0",
              "(ISC) simple-statistics ",
              "(Apache-2.0) colorbrewer ",
              "(OFL-1.1) @fontsource/sarabun ")) {
        assertTrue(web.contains(row), row + " in\n" + web);
      }
      for (String file :
          List.of(
              "phaenthi-web/vendor/simple-statistics/LICENSE",
              "phaenthi-web/vendor/colorbrewer/LICENSE.txt",
              "phaenthi-web/vendor/sarabun/LICENSE",
              "phaenthi-web/vendor/pmtiles/LICENSE",
              "phaenthi-web/vendor/pmtiles/fflate/LICENSE")) {
        assertNotNull(jar.getEntry(file), file);
      }
      // VectorGrid ships no LICENSE file; its Beerware notice must be retained, and is in README.md
      assertTrue(
          text(jar, "phaenthi-web/vendor/leaflet.vectorgrid/README.md").contains("BEER-WARE"));
    }
  }
}
