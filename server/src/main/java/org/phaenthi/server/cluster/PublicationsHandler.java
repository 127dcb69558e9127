package org.phaenthi.server.cluster;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Config;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Params;
import org.phaenthi.server.admin.AdminAuth;
import org.phaenthi.server.admin.AuditEntry;
import org.phaenthi.server.admin.AuditLog;
import org.phaenthi.server.admin.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publication history: {@code GET /api/publications} lists every publication, newest first
 * (public, like every read); {@code POST /admin/api/publications/{id}/publish[?note=]} publishes an
 * earlier publication's parts again (rollback) as a new publication, in one request, without
 * re-reading any source file; every node follows as for an import.
 */
public final class PublicationsHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PublicationsHandler.class);
  private final Config config;
  private final Store store;
  private final LiveData live;
  private final VersionFollower follower;
  private final AdminAuth auth;
  private final AuditLog audit;

  public PublicationsHandler(
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

  /** {@code GET /api/publications}. */
  public void list(Context ctx) {
    Params.onlyKnown(ctx, Set.of());
    List<Publication> all = new ArrayList<>(store.publications());
    long served = live.snapshot().publicationId();
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      out.add(json(all.get(i), served));
    }
    ctx.header("Cache-Control", "no-cache");
    Json.send(ctx, obj("served", served, "publications", out));
  }

  static Map<String, Object> json(Publication p, long served) {
    return obj(
        "id", p.id(),
        "published_at", p.publishedAt().toString(),
        "data_version", p.dataVersion(),
        "boundary_set", p.boundarySet(),
        "indicator_sets", p.indicatorSets(),
        "value_sets", p.valueSets(),
        "who", p.who(),
        "note", p.note(),
        "republish_of", p.republishOf(),
        "served", p.id() == served);
  }

  /** {@code POST /admin/api/publications/{id}/publish}: rollback to an earlier publication. */
  public void republish(Context ctx) {
    Principal who = auth.requireAll(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "publication id must be a number, not '" + ctx.pathParam("id") + "'");
    }
    if (store.publications().stream().noneMatch(p -> p.id() == id)) {
      throw ApiException.notFound("no publication " + id + "; GET /api/publications lists them");
    }
    String note = ctx.queryParam("note");
    if (note == null) {
      note = ctx.formParam("note");
    }
    String why = note == null || note.isBlank() ? "rollback to publication " + id : note.trim();
    Publication made;
    try {
      made = follower.publishAndServe(() -> store.republish(id, who.name(), why));
    } catch (IllegalStateException e) {
      throw ApiException.unavailable("rollback failed, nothing changed: " + e.getMessage());
    }
    LOG.info("publication {} republishes {} ({})", made.id(), id, why);
    audit.record(
        new AuditEntry(
            java.time.Instant.now(),
            who.name(),
            "rollback to publication " + id,
            null,
            null,
            null,
            made.id(),
            why));
    ctx.status(201);
    ctx.header("Cache-Control", "no-store");
    Json.send(ctx, json(made, live.snapshot().publicationId()));
  }
}
