package org.phaenthi.server.cluster;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.load.DatasetImporter;
import org.phaenthi.boundaries.load.PropertyMapping;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Config;
import org.phaenthi.server.DataBootstrap;
import org.phaenthi.server.ErrorSummary;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.admin.AdminAuth;
import org.phaenthi.server.admin.AuditEntry;
import org.phaenthi.server.admin.AuditLog;
import org.phaenthi.server.admin.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /admin/import[?data=DIR]}: imports the node's data directory (or {@code data}, a
 * query or form parameter) into the store in one transaction, then serves it; with a shared store
 * every other node follows. Needs a token of scope {@code all} ({@link AdminAuth}: 404 when admin
 * endpoints are off, 401 without a token or with an unknown one); 409 while an import runs, 400 for
 * a bad directory or bad data. Recorded in the audit log.
 */
public final class AdminImportHandler implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(AdminImportHandler.class);
  private final Config config;
  private final Store store;
  private final LiveData live;
  private final VersionFollower follower;
  private final AdminAuth auth;
  private final AuditLog audit;
  private final ReentrantLock running = new ReentrantLock();

  public AdminImportHandler(
      Config config,
      Store store,
      LiveData live,
      VersionFollower follower,
      AdminAuth auth,
      AuditLog audit) {
    this.config = config;
    this.auth = auth;
    this.audit = audit;
    this.store = store;
    this.live = live;
    this.follower = follower;
  }

  @Override
  public void handle(Context ctx) {
    Principal who = auth.requireAll(ctx);
    Path dir = dataDir(ctx);
    if (!running.tryLock()) {
      throw new ApiException(409, "an import is already running on this node");
    }
    Optional<Store.ImportClaim> claim;
    try {
      claim = store.tryClaimImport();
    } catch (IllegalStateException e) {
      running.unlock();
      throw ApiException.unavailable("import not started: " + ErrorSummary.of(e));
    }
    if (claim.isEmpty()) {
      running.unlock();
      throw new ApiException(
          409,
          "an import is already running on another node of this store; try again when it ends");
    }
    try (Store.ImportClaim claimed = claim.get()) {
      long t0 = System.nanoTime();
      String previous = live.snapshot().version();
      long previousPublication = live.snapshot().publicationId();
      DatasetImporter importer =
          new DatasetImporter(
              dir,
              config.data().boundaryFiles(),
              PropertyMapping.parse(config.data().boundaryMapping()));
      String wanted = importer.fingerprint();
      Publication held = store.current().orElse(null);
      boolean imported =
          held == null
              || !wanted.equals(held.source())
              || held.id() != previousPublication
              || held.republishOf() != null;
      if (imported) {
        Draft draft =
            org.phaenthi.imports.BundledPublication.draft(
                importer,
                store::boundarySet,
                DataBootstrap.DATA_DIRECTORY,
                "POST /admin/import of " + dir.toAbsolutePath() + " by " + who.name());
        org.phaenthi.boundaries.load.InputChecks.noSharpDrop(
            draft,
            live.snapshot().dataset().boundaries(),
            live.snapshot().dataset().valueSets(),
            config.imports().maxDropFraction());
        follower.publishAndServe(() -> store.publish(draft));
        LOG.info(
            "admin import of {}: publication {} -> {} (data version {} -> {})",
            dir,
            previousPublication,
            live.snapshot().publicationId(),
            previous,
            live.snapshot().version());
      }
      audit.record(
          new AuditEntry(
              java.time.Instant.now(),
              who.name(),
              imported ? "import data directory" : "import data directory (unchanged)",
              dir.toAbsolutePath().toString(),
              wanted,
              null,
              live.snapshot().publicationId(),
              null));
      ctx.header("Cache-Control", "no-store");
      Json.send(
          ctx,
          Json.obj(
              "status",
              imported ? "imported" : "unchanged",
              "publication",
              live.snapshot().publicationId(),
              "data_version",
              live.snapshot().version(),
              "previous_version",
              previous,
              "millis",
              (System.nanoTime() - t0) / 1_000_000));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("import failed, nothing changed: " + ErrorSummary.of(e));
    } catch (IllegalStateException e) {
      // the store's message may quote a whole SQL batch: one sentence for the client and the log
      String why = ErrorSummary.of(e);
      LOG.warn("admin import of {} failed, nothing changed: {}", dir, why);
      LOG.debug("admin import failure", e);
      throw ApiException.unavailable("import failed, nothing changed: " + why);
    } finally {
      running.unlock();
    }
  }

  private Path dataDir(Context ctx) {
    String param = ctx.queryParam("data");
    if (param == null) {
      param = ctx.formParam("data");
    }
    Path dir = param == null || param.isBlank() ? config.data().dir() : Path.of(param);
    if (!Files.isDirectory(dir)) {
      throw ApiException.badRequest(
          "data directory " + dir.toAbsolutePath() + " not found; it must hold indicators/");
    }
    return dir;
  }
}
