package org.phaenthi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path tmp;

  @Test
  void defaults() {
    Config c = Config.read(new String[0], Map.of());
    assertEquals(8080, c.server().port());
    assertEquals(Path.of("../shared/data"), c.data().dir());
    assertEquals("var/phaenthi", c.store().location());
    assertFalse(c.store().isPostgres());
    assertEquals(256L * 1024 * 1024, c.tiles().cacheMaxBytes());
    assertEquals(64L * 1024 * 1024, c.tiles().identityCacheMaxBytes());
    assertNull(c.web().baseMapUrl());
  }

  @Test
  void theIdentityTierCanBeSizedOrTurnedOff() {
    assertEquals(
        0,
        Config.read(new String[] {"--tile-identity-cache-mb", "0"}, Map.of())
            .tiles()
            .identityCacheMaxBytes());
    assertEquals(
        8L * 1024 * 1024,
        Config.read(new String[0], Map.of("PHAENTHI_TILE_IDENTITY_CACHE_MB", "8"))
            .tiles()
            .identityCacheMaxBytes());
    Config.ConfigException e =
        assertThrows(
            Config.ConfigException.class,
            () -> Config.read(new String[] {"--tile-identity-cache-mb", "-1"}, Map.of()));
    assertTrue(e.getMessage().contains("--tile-identity-cache-mb"), e.getMessage());
  }

  @Test
  void commandLineBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
    Path file = tmp.resolve("p.properties");
    Files.writeString(file, "port=7000\ntile-buffer=32\ndata=/from/file\n");
    Config c =
        Config.read(
            new String[] {"--config", file.toString(), "--port=9000"},
            Map.of("PHAENTHI_PORT", "8000", "PHAENTHI_DATA", "/from/env"));
    assertEquals(9000, c.server().port());
    assertEquals(Path.of("/from/env"), c.data().dir());
    assertEquals(32, c.tiles().bufferPixels());
  }

  @Test
  void selectorsDefaultToOnePerCoreAndCanBeSet() {
    Config c = Config.read(new String[0], Map.of());
    assertEquals(0, c.server().selectors());
    assertEquals(Runtime.getRuntime().availableProcessors(), c.server().selectorThreads());
    assertEquals(
        3, Config.read(new String[] {"--selectors", "3"}, Map.of()).server().selectorThreads());
    assertEquals(
        2,
        Config.read(new String[0], Map.of("PHAENTHI_SELECTORS", "2")).server().selectorThreads());
    assertThrows(
        Config.ConfigException.class,
        () -> Config.read(new String[] {"--selectors", "-1"}, Map.of()));
  }

  @Test
  void unknownOptionStopsStartUpWithAClearMessage() {
    Config.ConfigException e =
        assertThrows(
            Config.ConfigException.class,
            () -> Config.read(new String[] {"--prot", "80"}, Map.of()));
    assertTrue(e.getMessage().contains("unknown option --prot"), e.getMessage());
    assertTrue(e.getMessage().contains("--port"), e.getMessage());
  }

  @Test
  void unknownKeyInConfigFileAndBadNumbersAreRejected() throws Exception {
    Path file = tmp.resolve("bad.properties");
    Files.writeString(file, "colour=red\n");
    assertThrows(
        Config.ConfigException.class,
        () -> Config.read(new String[] {"--config", file.toString()}, Map.of()));
    Config.ConfigException e =
        assertThrows(
            Config.ConfigException.class,
            () -> Config.read(new String[] {"--port", "eighty"}, Map.of()));
    assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    assertThrows(
        Config.ConfigException.class,
        () -> Config.read(new String[] {"--port", "70000"}, Map.of()));
    assertThrows(
        Config.ConfigException.class, () -> Config.read(new String[] {"--port"}, Map.of()));
  }

  @Test
  void postgresUrlsSelectThePostgisStoreAndPasswordsAreRedacted() {
    Config c =
        Config.read(new String[] {"--store", "postgresql://u:secret@localhost:5432/db"}, Map.of());
    assertTrue(c.store().isPostgres());
    assertFalse(StoreFactory.redact(c.store().location()).contains("secret"));
  }

  @Test
  void helpListsEveryKeyWithItsEnvironmentName() {
    String help = Config.help();
    for (Config.Key k : Config.KEYS) {
      assertTrue(help.contains("--" + k.name()), k.name());
      assertTrue(help.contains(k.envName()), k.envName());
    }
  }

  @Test
  void httpFrontKeysHaveSafeDefaultsAndAreValidated() {
    Config c = Config.read(new String[0], Map.of());
    assertNull(c.http().publicUrl());
    assertTrue(c.http().trustedProxies().isEmpty());
    assertEquals(java.util.List.of("*"), c.http().embedAncestors());
    assertEquals(10, c.http().headerTimeoutSeconds());
    assertEquals(0, c.metrics().port());
    assertNull(c.metrics().token());
    Config set =
        Config.read(
            new String[] {
              "--public-url", "https://map.example.org/thai/",
              "--trusted-proxies", "10.0.0.0/8, ::1",
              "--embed-ancestors", "https://a.example https://b.example",
              "--metrics-token", "m-secret"
            },
            Map.of());
    assertEquals("https://map.example.org/thai", set.http().publicUrl());
    assertEquals(java.util.List.of("10.0.0.0/8", "::1"), set.http().trustedProxies());
    assertEquals(
        java.util.List.of("https://a.example", "https://b.example"), set.http().embedAncestors());
    assertFalse(set.metrics().toString().contains("m-secret"));
    for (String bad :
        new String[] {"javascript://x", "map.example.org", "https://", "https://a.example/?q=1"}) {
      Config.ConfigException e =
          assertThrows(
              Config.ConfigException.class,
              () -> Config.read(new String[] {"--public-url", bad}, Map.of()));
      assertTrue(e.getMessage().contains("--public-url"), e.getMessage());
    }
    assertThrows(
        Config.ConfigException.class,
        () -> Config.read(new String[] {"--embed-ancestors", "'unsafe-inline'; x"}, Map.of()));
    IllegalArgumentException proxy =
        assertThrows(
            IllegalArgumentException.class,
            () -> new org.phaenthi.server.http.TrustedProxies(java.util.List.of("proxy.example")));
    assertTrue(proxy.getMessage().contains("--trusted-proxies"), proxy.getMessage());
  }
}
