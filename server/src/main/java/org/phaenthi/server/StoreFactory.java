package org.phaenthi.server;

import org.phaenthi.boundaries.store.Store;

/** Creates the PostGIS store (kept apart so the embedded default needs no database driver). */
final class StoreFactory {
  private StoreFactory() {}

  static Store postgres(String url) {
    throw new Config.ConfigException(
        "PostgreSQL stores are not available in this build yet: " + redact(url));
  }

  /** Never log a password. */
  static String redact(String url) {
    return url.replaceAll("://([^:/@]+):[^@]*@", "://$1:***@")
        .replaceAll("password=[^&]*", "password=***");
  }
}
