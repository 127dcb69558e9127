package org.phaenthi.server;

import java.nio.file.Files;
import java.util.Optional;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.load.DatasetImporter;
import org.phaenthi.boundaries.load.InputChecks;
import org.phaenthi.boundaries.load.PropertyMapping;
import org.phaenthi.boundaries.store.AdminRecords;
import org.phaenthi.boundaries.store.EmbeddedAdminRecords;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.imports.BundledPublication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store and brings it up to date with the data directory: the first start imports, a
 * later start with unchanged inputs opens the store without re-importing, changed inputs import a
 * new version (transactionally; the old one stays if the import fails).
 */
public final class DataBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(DataBootstrap.class);

  private DataBootstrap() {}

  public static Store openStore(Config.StoreSettings settings) {
    if (settings.isPostgres()) {
      return StoreFactory.postgres(settings.location());
    }
    return new EmbeddedStore(java.nio.file.Path.of(settings.location()));
  }

  /**
   * The tokens and audit log of a store, opened without the rest of it (the command line uses this
   * while a server has the store open).
   */
  public static AdminRecords openAdminRecords(Config.StoreSettings settings) {
    if (settings.isPostgres()) {
      return StoreFactory.postgresAdmin(settings.location());
    }
    return new EmbeddedAdminRecords(java.nio.file.Path.of(settings.location()));
  }

  /** Who the publications made from the data directory name. */
  public static final String DATA_DIRECTORY = "data directory";

  /**
   * Returns the dataset to serve. The data directory is imported through the same path as any other
   * import (parts, then a publication) when the store holds nothing, or when the current
   * publication was made from the data directory and its files have changed since. A publication
   * made by someone else (an upload, a rollback) is never replaced by a restart. A data directory
   * that cannot be imported does not stop a node whose store holds a publication: it serves that
   * and says why it did not import.
   */
  public static Dataset prepare(Config config, Store store) {
    long t0 = System.nanoTime();
    Config.Data data = config.data();
    Optional<Publication> current = store.current();
    if (!Files.isDirectory(data.dir())) {
      if (current.isPresent()) {
        LOG.warn(
            "data directory {} not found; serving publication {} of {}",
            data.dir().toAbsolutePath(),
            current.get().id(),
            store.describe());
        return store.load();
      }
      throw new Config.ConfigException(
          "data directory "
              + data.dir().toAbsolutePath()
              + " not found and the store is empty; point --data at the folder holding"
              + " boundaries/ and indicators/ (see README, 'Data')");
    }
    try {
      DatasetImporter importer =
          new DatasetImporter(
              data.dir(), data.boundaryFiles(), PropertyMapping.parse(data.boundaryMapping()));
      String wanted = importer.fingerprint();
      if (current.isPresent()) {
        Publication p = current.get();
        boolean fromDataDir = DATA_DIRECTORY.equals(p.who()) && p.republishOf() == null;
        if (wanted.equals(p.source()) || (!fromDataDir && !config.importOnly())) {
          Dataset ds = store.load();
          LOG.info(
              "opened {} (publication {} by {}) in {} ms{}",
              store.describe(),
              p.id(),
              p.who(),
              (System.nanoTime() - t0) / 1_000_000,
              wanted.equals(p.source()) ? " without re-importing" : "; the data directory differs");
          return ds;
        }
        if (config.store().isPostgres() && !config.importOnly()) {
          // A shared store is the source of truth: a node restarting with an older data directory
          // must not overwrite what another node published. Imports go through --import-only or
          // POST /admin/import.
          LOG.warn(
              "{} serves publication {}; the data directory would import as {}; serving the"
                  + " store's (run --import-only or POST /admin/import to publish it)",
              store.describe(),
              p.id(),
              wanted);
          return store.load();
        }
      }
      LOG.info(
          "importing {} into {} (current publication: {})",
          data.dir().toAbsolutePath(),
          store.describe(),
          current.map(p -> Long.toString(p.id())).orElse("none"));
      // The held publication is what stays served if this import is refused; its boundary set is
      // handed to the importer, so an unchanged one is decoded once.
      Dataset held = current.isPresent() ? store.load() : null;
      Draft draft =
          BundledPublication.draft(
              importer,
              id ->
                  held != null && held.boundaryVersion().equals(id)
                      ? Optional.of(held.boundarySet())
                      : store.boundarySet(id),
              DATA_DIRECTORY,
              data.dir().toAbsolutePath().toString());
      if (held != null) {
        InputChecks.noSharpDrop(
            draft, held.boundaries(), held.valueSets(), config.imports().maxDropFraction());
      }
      Publication p = store.publish(draft);
      LOG.info("published {} in {} ms", p.id(), (System.nanoTime() - t0) / 1_000_000);
      return store.load(p.id());
    } catch (RuntimeException e) {
      // Any failure of a broken directory (bad values, cut files, geometry the loader cannot
      // handle) leaves the held publication served; only an empty store has nothing to serve.
      if (current.isPresent() && !(e instanceof Config.ConfigException)) {
        LOG.warn(
            "the data directory {} cannot be imported ({}); serving publication {} of {}",
            data.dir().toAbsolutePath(),
            ErrorSummary.of(e),
            current.get().id(),
            store.describe());
        return store.load();
      }
      throw e;
    }
  }
}
