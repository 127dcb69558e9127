package org.phaenthi.server;

import org.phaenthi.boundaries.store.AdminRecords;
import org.phaenthi.boundaries.store.PostgisAdminRecords;
import org.phaenthi.boundaries.store.PostgisStore;
import org.phaenthi.boundaries.store.Store;

/** Creates the PostGIS store (kept apart so the embedded default needs no database driver). */
final class StoreFactory {
  private StoreFactory() {}

  static Store postgres(String url) {
    return new PostgisStore(url);
  }

  static AdminRecords postgresAdmin(String url) {
    return PostgisAdminRecords.open(url);
  }

  /** Never log a password. */
  static String redact(String url) {
    return url.replaceAll("://([^:/@]+):[^@]*@", "://$1:***@")
        .replaceAll("password=[^&]*", "password=***");
  }
}
