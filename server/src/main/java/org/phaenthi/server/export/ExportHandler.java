package org.phaenthi.server.export;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.OutputStream;
import java.util.Set;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Params;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.api.Change;
import org.phaenthi.server.http.ClientPresence;

/**
 * {@code GET /api/export/{level}.{ext}?[indicator=&year=][&parent=]}: a download ({@code
 * Content-Disposition: attachment}) with a file name that says what it holds, e.g. {@code
 * phaenthi_subdistrict_tpmap-target_poor_rate_2561.csv}. Parameters are checked before the first
 * byte, so bad input is a 400/404 JSON error, never a broken file.
 */
public final class ExportHandler implements Handler {
  private static final Set<String> PARAMS =
      Set.of("indicator", "year", "parent", "crs", Change.PARAM);

  /** The CSV's W3C CSVW metadata sidecar: {@code {level}.csv-metadata.json}. */
  static final String CSV_METADATA_SUFFIX = ".csv-metadata.json";

  /** Bumped when an export's bytes change for the same data version and request (ETag). */
  static final String EXPORT_VERSION = "4";

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ExportHandler.class);

  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final String cacheControl;
  private final ExportAdmission admission;
  private final TopologyCache topologies;
  private final ExportSpool spool;
  private final java.util.concurrent.atomic.AtomicLong abandoned =
      new java.util.concurrent.atomic.AtomicLong();

  public ExportHandler(
      LiveData live,
      String cacheControl,
      ExportAdmission admission,
      TopologyCache topologies,
      ExportSpool spool) {
    this.live = live::snapshot;
    this.cacheControl = cacheControl;
    this.admission = admission;
    this.topologies = topologies;
    this.spool = spool;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    Params.onlyKnown(ctx, PARAMS);
    String file = ctx.pathParam("file");
    boolean sidecar = file.endsWith(CSV_METADATA_SUFFIX);
    if (sidecar) {
      file = file.substring(0, file.length() - CSV_METADATA_SUFFIX.length()) + ".csv";
    }
    int dot = file.lastIndexOf('.');
    if (dot <= 0) {
      throw ApiException.notFound(
          "export file must be {level}.{format}, e.g. province.csv; formats: "
              + ExportFormat.extensions());
    }
    org.phaenthi.boundaries.Dataset dataset = live.get().dataset();
    AdminLevel level = Params.level(dataset.boundaries().levels(), file.substring(0, dot));
    String ext = file.substring(dot + 1);
    ExportFormat format =
        ExportFormat.fromExtension(ext)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "unknown export format '"
                            + ext
                            + "'; formats: "
                            + ExportFormat.extensions()));
    if (!level.hasGeometry() && format != ExportFormat.CSV && format != ExportFormat.XLSX) {
      // a level of values only has no shapes to put in a spatial file
      throw ApiException.notFound(
          "level '" + level.urlName() + "' has no geometry; download it as csv or xlsx");
    }
    Selection s0 =
        Selection.parse(
            dataset,
            level,
            ctx.queryParam("parent"),
            ctx.queryParam("indicator"),
            ctx.queryParam("year"));
    String compare = ctx.queryParam(Change.PARAM);
    if (compare != null && !format.takesCompare()) {
      throw ApiException.badRequest(
          "parameter '"
              + Change.PARAM
              + "': the "
              + format.extension()
              + " download has no change columns; compare applies to csv, xlsx and geojson");
    }
    Selection s = s0.withCompare(compare);
    Crs crs = Crs.parse(ctx.queryParam("crs"), "crs");
    if (!crs.isDefault() && (sidecar || !format.takesCrs())) {
      throw ApiException.badRequest(
          "parameter 'crs': the "
              + (sidecar ? "CSV metadata" : format.extension())
              + " download "
              + " has no geometry; crs applies to geojson, gpkg and topojson");
    }
    ExportMetadata m = ExportMetadata.of(s).withCrs(crs);
    // The bytes are a function of the parts read (the boundary set; with an indicator, also its
    // set and the value set of the year), the selection and this code: a strong ETag without
    // buffering the file (the same on every node), unchanged when other parts are published.
    String etag =
        "\""
            + s.partsVersion()
            + "-"
            + hash(
                EXPORT_VERSION
                    + "|"
                    + sidecar
                    + "|"
                    + format
                    + "|"
                    + key(s)
                    + (crs.isDefault() ? "" : "|" + crs.epsg()))
            + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", cacheControl);
    org.phaenthi.server.http.Vary.add(ctx, "Accept-Encoding");
    ctx.header("X-Data-Version", s.dataset().dataVersion());
    String csvUrl = ctx.path().replace(CSV_METADATA_SUFFIX, ".csv") + query(ctx);
    if (format == ExportFormat.CSV && !sidecar) {
      ctx.header(
          "Link",
          "<"
              + ctx.path().replace(".csv", CSV_METADATA_SUFFIX)
              + query(ctx)
              + ">; rel=\"describedby\"; type=\"application/csvm+json\"");
    }
    String inm = ctx.header("If-None-Match");
    if (inm != null && (inm.contains(etag) || inm.trim().equals("*"))) {
      ctx.status(304);
      return;
    }
    if (sidecar) {
      ctx.contentType("application/csvm+json");
      OutputStream out = ctx.outputStream();
      CsvMetadataExporter.write(s, m, csvUrl, out);
      out.flush();
      return;
    }
    // A GeoPackage built before is a file copy; everything else is work, and passes the admission.
    String key = etag + "|" + format;
    boolean kept = format == ExportFormat.GPKG && spool.ready(key);
    ExportAdmission.Permit permit;
    try {
      permit = kept ? () -> {} : admission.enter(ctx);
    } catch (ApiException refused) {
      ctx.res().setHeader("ETag", null);
      throw refused;
    }
    try (permit) {
      ctx.contentType(format.mediaType());
      ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(s, format) + "\"");
      OutputStream out = ctx.outputStream();
      if (format == ExportFormat.GPKG) {
        ClientPresence client = ClientPresence.of(ctx);
        spool.use(
            key,
            (gpkg, cancelled) -> GeoPackageExporter.build(s, m, crs, gpkg, cancelled),
            gpkg -> {
              if (client.closeConnection()) {
                ctx.header("Connection", "close");
              }
              java.nio.file.Files.copy(gpkg, out);
            },
            client);
      } else {
        exporter(format).write(s, m, crs, out);
      }
      out.flush();
    } catch (ExportSpool.Cancelled e) {
      // every client waiting for the build left: it was cancelled (or this one left alone)
      abandoned.incrementAndGet();
      ClientPresence.abandon(ctx, e);
    } catch (java.io.IOException e) {
      if (!ctx.res().isCommitted()) {
        throw e;
      }
      // The client went away (or stopped reading past --write-timeout): the failed write ended
      // the work; nothing to answer.
      abandoned.incrementAndGet();
      LOG.debug("download {} abandoned by the client: {}", ctx.path(), e.toString());
    }
  }

  private Exporter exporter(ExportFormat format) {
    return format == ExportFormat.TOPOJSON ? new TopoJsonExporter(topologies) : Exporter.of(format);
  }

  /** Downloads whose client went away before the end (the work stopped at the failed write). */
  public long abandoned() {
    return abandoned.get();
  }

  private static String query(Context ctx) {
    String q = ctx.queryString();
    return q == null || q.isEmpty() ? "" : "?" + q;
  }

  private static String key(Selection s) {
    return s.level().urlName()
        + "|"
        + s.parent()
        + "|"
        + (s.indicator() == null ? "" : s.indicator().code() + "|" + s.year().be())
        + (s.hasChange() ? "|compare=" + s.change().from().be() : "");
  }

  private static String hash(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              0,
              8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The GeoJSON download's {@code name}: a short layer name such as {@code
   * subdistrict_target_poor_rate_2561} (the long title stays in the metadata).
   */
  public static String layerName(Selection s) {
    StringBuilder b = new StringBuilder(s.level().urlName());
    if (s.parent() != null) {
      b.append("_in_").append(s.parent());
    }
    if (s.indicator() != null) {
      String code = s.indicator().code();
      int colon = code.indexOf(':');
      String tail = colon < 0 ? code : code.substring(colon + 1);
      String name = !tail.isEmpty() && Character.isLetter(tail.charAt(0)) ? tail : code;
      b.append('_').append(name).append('_');
      if (s.hasChange()) {
        b.append(s.change().from().be()).append("_to_");
      }
      b.append(s.year().be());
    }
    return b.toString().replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** {@code phaenthi_<level>[_in-<parent>][_<indicator>_<year>].<ext>}, ASCII-safe. */
  public static String fileName(Selection s, ExportFormat format) {
    StringBuilder b = new StringBuilder("phaenthi_").append(s.level().urlName());
    if (s.parent() != null) {
      b.append("_in-").append(s.parent());
    }
    if (s.indicator() != null) {
      b.append('_').append(s.indicator().code()).append('_');
      if (s.hasChange()) {
        b.append(s.change().from().be()).append("-to-");
      }
      b.append(s.year().be());
    }
    return b.toString().replaceAll("[^A-Za-z0-9._-]", "-") + "." + format.extension();
  }
}
