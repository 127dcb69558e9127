package org.phaenthi.boundaries.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin records contract on the embedded store's files, and what only files must do. */
class EmbeddedAdminRecordsTest extends AdminRecordsContract {
  @TempDir Path dir;

  @Override
  protected AdminRecords open() {
    return new EmbeddedAdminRecords(dir.resolve("store"));
  }

  @Test
  void theCommandLineWritesWhileTheStoreIsOpen() {
    // the server holds the store's lock; the command line opens only the admin records
    try (EmbeddedStore store = new EmbeddedStore(dir.resolve("store"))) {
      AdminRecords cli = open();
      cli.addToken(new TokenRecord("id1", "office", "65", "h", Instant.EPOCH, null));
      assertEquals("office", store.adminRecords().token("id1").orElseThrow().name());
    }
  }

  @Test
  void aTornLastAuditLineIsSkipped() throws Exception {
    AdminRecords a = open();
    AuditRecord e = new AuditRecord(Instant.EPOCH, "admin", "rollback", null, null, null, 3L, null);
    a.audit(e);
    Files.writeString(
        dir.resolve("store").resolve(EmbeddedAdminRecords.AUDIT),
        "{\"at\":\"1970-01-01T00:00:00Z\",\"who\":\"adm",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    assertEquals(java.util.List.of(e), a.audit(10, null));
  }

  @Test
  void tokensAreReplacedAtomicallyAndHoldNoSecret() throws Exception {
    AdminRecords a = open();
    a.addToken(new TokenRecord("id1", "office", "65", "$2y$10$abc", Instant.EPOCH, null));
    Path store = dir.resolve("store");
    String json = Files.readString(store.resolve(EmbeddedAdminRecords.TOKENS));
    assertTrue(json.contains("$2y$10$abc"));
    try (var files = Files.list(store)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".tmp-")));
    }
  }
}
