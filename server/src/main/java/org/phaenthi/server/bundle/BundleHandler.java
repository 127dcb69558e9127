package org.phaenthi.server.bundle;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Params;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.export.ExportAdmission;
import org.phaenthi.server.export.ExportSpool;
import org.phaenthi.server.export.PmtilesExporter;
import org.phaenthi.server.http.ClientPresence;
import org.phaenthi.server.tiles.TileCache;

/**
 * {@code GET /api/export/bundle/{code|TH}.zip?indicator=a,b[&year=2561,2566]}: the static bundle of
 * an area. The tile archive (geometry only, so it depends on the boundary set and the area) and the
 * zip are each built once per part version into the {@link ExportSpool}; identical requests
 * meanwhile wait for that build. The build takes an {@link ExportAdmission} slot.
 */
public final class BundleHandler implements Handler {
  private static final Set<String> PARAMS = Set.of("indicator", "year");
  private static final String SUFFIX = ".zip";

  /** Bumped when a bundle's bytes change for the same data and request (ETag). */
  static final String BUNDLE_VERSION = "1";

  private final LiveData live;
  private final TileCache tiles;
  private final ExportAdmission admission;
  private final ExportSpool spool;
  private final Supplier<URI> self;

  /**
   * @param self the base URL of this node's own API ({@code http://127.0.0.1:port/})
   */
  public BundleHandler(
      LiveData live,
      TileCache tiles,
      ExportAdmission admission,
      ExportSpool spool,
      Supplier<URI> self) {
    this.live = live;
    this.tiles = tiles;
    this.admission = admission;
    this.spool = spool;
    this.self = self;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    Params.onlyKnown(ctx, PARAMS);
    String file = ctx.pathParam("file");
    if (!file.endsWith(SUFFIX)) {
      throw ApiException.notFound("a bundle is {code|TH}.zip, not '" + file + "'");
    }
    Snapshot s = live.snapshot();
    BundleRequest r =
        BundleRequest.parse(
            s,
            file.substring(0, file.length() - SUFFIX.length()),
            ctx.queryParam("indicator"),
            ctx.queryParam("year"));
    String etag =
        "\""
            + s.dataset().dataVersion()
            + "-b"
            + BUNDLE_VERSION
            + "-w"
            + WebAssets.version()
            + "-"
            + key(r)
            + "\"";
    etag = etag.replaceAll("[^\\x21\\x23-\\x7e\"]", "_");
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    String inm = ctx.header("If-None-Match");
    if (inm != null && (inm.contains(etag) || inm.trim().equals("*"))) {
      ctx.status(304);
      return;
    }
    String zipKey = "bundle|" + etag;
    ClientPresence client = ClientPresence.of(ctx);
    try {
      spool.use(
          zipKey,
          (zip, cancelled) -> {
            try (ExportAdmission.Permit permit = admission.enterBuild()) {
              build(s, r, zip, cancelled);
            }
          },
          zip -> {
            if (client.closeConnection()) {
              ctx.header("Connection", "close");
            }
            ctx.contentType("application/zip");
            ctx.header(
                "Content-Disposition", "attachment; filename=\"phaenthi-" + r.name() + ".zip\"");
            ctx.disableCompression();
            ctx.res().setContentLengthLong(Files.size(zip));
            OutputStream out = ctx.res().getOutputStream();
            Files.copy(zip, out);
            out.flush();
          },
          client);
    } catch (ApiException e) {
      throw admission.refusedBuild(ctx, e);
    } catch (ExportSpool.Cancelled e) {
      // every client of the build has gone: nobody to answer
    } catch (IOException e) {
      if (!ctx.res().isCommitted()) {
        throw e;
      }
      // the client went away mid-body; the bundle stays kept for the next request
    }
  }

  private void build(Snapshot s, BundleRequest r, Path zip, BooleanSupplier cancelled)
      throws IOException {
    BundleBuilder b = new BundleBuilder(s, new LoopbackApi(self.get()), r, cancelled);
    PmtilesExporter.Request a = b.archive();
    String archiveKey =
        "bundle-archive|"
            + s.boundaryVersion()
            + "|"
            + r.name()
            + "|"
            + String.join(",", a.levels().stream().map(AdminLevel::urlName).toList())
            + "|z"
            + a.minZoom()
            + "-"
            + a.maxZoom();
    spool.use(
        archiveKey,
        (f, archiveCancelled) -> PmtilesExporter.write(s, tiles, a, f, archiveCancelled),
        archive -> {
          try (OutputStream out = Files.newOutputStream(zip);
              ZipSink sink = new ZipSink(out, "phaenthi-" + r.name())) {
            b.write(sink, archive);
          }
        },
        cancelled);
  }

  /** What makes a bundle's bytes besides the data version: area, indicators and years. */
  static String key(BundleRequest r) {
    StringBuilder k = new StringBuilder(r.name());
    r.indicators()
        .forEach(
            (i, ys) -> {
              k.append('-').append(i.code());
              ys.forEach(y -> k.append('.').append(y.be()));
            });
    return k.toString();
  }
}
