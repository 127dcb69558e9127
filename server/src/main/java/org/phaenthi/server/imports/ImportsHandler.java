package org.phaenthi.server.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.phaenthi.boundaries.store.JobRecord;
import org.phaenthi.imports.Format;
import org.phaenthi.imports.Mapping;
import org.phaenthi.imports.Overrides;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Json;
import org.phaenthi.server.Params;
import org.phaenthi.server.admin.AdminAuth;
import org.phaenthi.server.admin.Principal;

/**
 * {@code /admin/api/imports}: upload a file as an import job, read its detection, preview and
 * validation report, change the format, options or column mapping, publish, cancel, and download
 * the report (docs/ADMIN-API.md). Every request needs a token ({@link AdminAuth}); a scoped token
 * sees its own jobs and publishes rows of its province only (403 otherwise). Bodies over {@code
 * --upload-limit-mb} are refused with 413 before they are read whole.
 */
public final class ImportsHandler {
  static final Set<String> UPLOAD_PARAMS =
      Set.of(
          "filename",
          "format",
          "encoding",
          "delimiter",
          "sheet",
          "year",
          "indicator_set",
          "numerator",
          "header_rows",
          "level");
  private static final long PUBLISH_WAIT_MILLIS = 3_000;

  private final ImportJobs jobs;
  private final AdminAuth auth;
  private final long limitBytes;

  public ImportsHandler(ImportJobs jobs, AdminAuth auth, int uploadLimitMb) {
    this.jobs = jobs;
    this.auth = auth;
    this.limitBytes = uploadLimitMb * 1024L * 1024L;
  }

  /**
   * {@code POST /admin/api/imports}: the file as the body (with ?filename=) or multipart "file".
   */
  public void create(Context ctx) {
    Principal who = auth.require(ctx);
    Params.onlyKnown(ctx, UPLOAD_PARAMS);
    Overrides o = overrides(ctx);
    long declared = ctx.req().getContentLengthLong();
    if (declared > limitBytes) {
      refuseTooLarge(ctx, declared);
    }
    String name;
    byte[] bytes;
    String type = ctx.header("Content-Type");
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      UploadedFile f;
      try {
        f = ctx.uploadedFile("file");
      } catch (RuntimeException e) {
        throw String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("size")
            ? tooLarge()
            : ApiException.badRequest(
                "the multipart body could not be read: send the file in a field 'file'");
      }
      if (f == null) {
        throw ApiException.badRequest("the multipart body has no field 'file'");
      }
      if (f.size() > limitBytes) {
        throw tooLarge();
      }
      name = ctx.queryParam("filename") != null ? ctx.queryParam("filename") : f.filename();
      try (InputStream in = f.content()) {
        bytes = readLimited(in);
      } catch (IOException e) {
        throw ApiException.badRequest("the upload could not be read: " + e.getMessage());
      }
    } else {
      name = ctx.queryParam("filename");
      if (name == null || name.isBlank()) {
        throw ApiException.badRequest(
            "parameter 'filename' is required when the body is the file itself (or send multipart/form-data with a field 'file')");
      }
      try (InputStream in = ctx.req().getInputStream()) {
        bytes = readLimited(in);
      } catch (IOException e) {
        throw ApiException.badRequest("the upload could not be read: " + e.getMessage());
      }
    }
    if (bytes.length == 0) {
      throw ApiException.badRequest("the upload is empty: send the file as the request body");
    }
    ImportJob job = jobs.submit(who, name, bytes, o);
    ctx.status(202);
    ctx.header("Location", "/admin/api/imports/" + job.id);
    send(ctx, ImportJson.job(job, jobs.records()));
  }

  /** {@code GET /admin/api/imports}. */
  public void list(Context ctx) {
    Principal who = auth.require(ctx);
    Params.onlyKnown(ctx, Set.of());
    List<Object> out = new ArrayList<>();
    Set<String> here = new java.util.HashSet<>();
    for (ImportJob j : jobs.list()) {
      here.add(j.id);
      if (visible(j, who)) {
        out.add(ImportJson.job(j, jobs.records()));
      }
    }
    // the other nodes' jobs (and this node's before a restart), from the store
    for (JobRecord r : stored(ImportJobs.KEEP)) {
      if (!here.contains(r.id()) && (who.isAll() || r.who().equals(who.name()))) {
        out.add(ImportJson.stored(r, jobs.records().silent(r)));
      }
    }
    out.sort(
        java.util.Comparator.comparing(
                (Object m) -> String.valueOf(((java.util.Map<?, ?>) m).get("created_at")))
            .reversed());
    send(ctx, Json.obj("imports", out));
  }

  /** {@code GET /admin/api/imports/{id}}. */
  public void get(Context ctx) {
    Principal who = auth.require(ctx);
    Params.onlyKnown(ctx, Set.of());
    Optional<ImportJob> local = local(ctx, who);
    if (local.isPresent()) {
      send(ctx, ImportJson.job(local.get(), jobs.records()));
      return;
    }
    JobRecord r = stored(ctx, who);
    send(ctx, ImportJson.stored(r, jobs.records().silent(r)));
  }

  /** {@code PUT /admin/api/imports/{id}}: body {format?, options?, mapping?}. */
  public void update(Context ctx) {
    Principal who = auth.require(ctx);
    ImportJob job = job(ctx, who);
    JsonNode body = body(ctx);
    Overrides o = merge(job.overrides, body);
    if (!jobs.revalidate(job, o)) {
      throw new ApiException(
          409, "the import is " + job.phase.wireName() + " and can no longer change");
    }
    send(ctx, ImportJson.job(job, jobs.records()));
  }

  /** {@code POST /admin/api/imports/{id}/publish}: body {note}. */
  public void publish(Context ctx) {
    Principal who = auth.require(ctx);
    ImportJob job = job(ctx, who);
    String note = ctx.queryParam("note");
    if (note == null && !ctx.body().isBlank()) {
      JsonNode b = body(ctx);
      note = b.hasNonNull("note") ? b.get("note").asText() : null;
    }
    ImportJobs.Refusal r = jobs.publish(job, who, note, PUBLISH_WAIT_MILLIS);
    if (r != null) {
      throw new ApiException(r.status(), r.message(), r.messageTh());
    }
    send(ctx, ImportJson.job(job, jobs.records()));
  }

  /** {@code DELETE /admin/api/imports/{id}}: cancel. */
  public void cancel(Context ctx) {
    Principal who = auth.require(ctx);
    if (local(ctx, who).isEmpty()) {
      cancelElsewhere(ctx, who);
      return;
    }
    ImportJob job = job(ctx, who);
    if (!jobs.cancel(job, who)) {
      throw new ApiException(
          409, "the import is already published; roll back its publication instead");
    }
    send(ctx, ImportJson.job(job, jobs.records()));
  }

  /** {@code GET /admin/api/imports/{id}/report.csv} and {@code report.xlsx}. */
  public void report(Context ctx) {
    Principal who = auth.require(ctx);
    ImportJob job = job(ctx, who);
    String file = ctx.pathParam("file");
    var upload = job.upload;
    if (!file.equals("report.csv") && !file.equals("report.xlsx")) {
      throw ApiException.notFound("no such report '" + file + "'; use report.csv or report.xlsx");
    }
    if (upload == null) {
      throw new ApiException(
          409, "the import is " + job.phase.wireName() + "; its report is not ready");
    }
    ctx.header("Cache-Control", "no-store");
    String base = "report-" + job.id;
    if (file.endsWith(".csv")) {
      ctx.header("Content-Disposition", "attachment; filename=\"" + base + ".csv\"");
      ctx.contentType("text/csv; charset=utf-8").result(ReportTable.csv(upload.report()));
    } else {
      ctx.header("Content-Disposition", "attachment; filename=\"" + base + ".xlsx\"");
      ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .result(ReportTable.xlsx(upload.report()));
    }
  }

  /**
   * A cancel of a job another node runs: the request is left in the store and that node stops the
   * job at its next heartbeat (about a second); 202 with the job as stored.
   */
  private void cancelElsewhere(Context ctx, Principal who) {
    JobRecord r = stored(ctx, who);
    if (jobs.records().silent(r) || r.ended()) {
      throw new ApiException(
          409,
          "the import is "
              + (jobs.records().silent(r) ? "failed (interrupted)" : r.phase())
              + "; there is nothing to cancel");
    }
    if (!jobs.records().requestCancel(r.id())) {
      throw new ApiException(409, "the import has ended; there is nothing to cancel");
    }
    JobRecord now = jobs.records().job(r.id()).orElse(r);
    ctx.status(202);
    send(ctx, ImportJson.stored(now, false));
  }

  // ---------------------------------------------------------------- helpers

  private Optional<ImportJob> local(Context ctx, Principal who) {
    return jobs.get(ctx.pathParam("id")).filter(j -> visible(j, who));
  }

  /** The store's record of a job of another node (or of this node before it restarted). */
  private JobRecord stored(Context ctx, Principal who) {
    String id = ctx.pathParam("id");
    Optional<JobRecord> r;
    try {
      r = jobs.records().job(id);
    } catch (IllegalStateException e) {
      throw ApiException.unavailable(
          "no import " + id + " on this node, and the store cannot be read to look for it");
    }
    return r.filter(j -> who.isAll() || j.who().equals(who.name()))
        .map(jobs.records()::settle)
        .orElseThrow(
            () -> ApiException.notFound("no import " + id + "; GET /admin/api/imports lists them"));
  }

  private List<JobRecord> stored(int limit) {
    try {
      return jobs.records().jobs(limit).stream().map(jobs.records()::settle).toList();
    } catch (IllegalStateException e) {
      return List.of(); // the store is down: this node's own jobs are listed still
    }
  }

  /** This node's job, or 409 naming the node that runs it, or 404. */
  private ImportJob job(Context ctx, Principal who) {
    Optional<ImportJob> local = local(ctx, who);
    if (local.isPresent()) {
      return local.get();
    }
    JobRecord r = stored(ctx, who);
    if (jobs.records().silent(r) || r.ended()) {
      throw new ApiException(
          409,
          "the import is "
              + (jobs.records().silent(r) ? "failed (interrupted)" : r.phase())
              + (r.errorEn() == null ? "" : ": " + r.errorEn()));
    }
    throw new ApiException(
        409,
        "the import "
            + r.id()
            + " runs on node "
            + r.node()
            + (r.nodeUrl() == null ? "" : " (" + r.nodeUrl() + ")")
            + ", which holds its upload; send this request to that node (reading it and cancelling"
            + " it work on any node)");
  }

  private static boolean visible(ImportJob j, Principal who) {
    return who.isAll() || j.who.equals(who.name());
  }

  /**
   * Refuses a body declared too large. An HTTP client that is still sending when the server closes
   * the connection often loses the answer (the unread bytes make the kernel reset the connection),
   * so a body up to {@value #DRAIN_BYTES} bytes over the limit is read and dropped first; a bigger
   * one is answered at once with {@code Connection: close}.
   */
  private void refuseTooLarge(Context ctx, long declared) {
    ctx.header("Connection", "close");
    if (declared - limitBytes <= DRAIN_BYTES) {
      try (InputStream in = ctx.req().getInputStream()) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException e) {
        // the client went away: nobody to answer
      }
    }
    throw tooLarge();
  }

  private static final long DRAIN_BYTES = 8L << 20;

  private ApiException tooLarge() {
    return new ApiException(
        413,
        "the upload is larger than the limit of "
            + (limitBytes >> 20)
            + " MB (--upload-limit-mb); split the file, e.g. one province per file");
  }

  private byte[] readLimited(InputStream in) throws IOException {
    byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limitBytes + 1));
    if (b.length > limitBytes) {
      throw tooLarge();
    }
    return b;
  }

  private static void send(Context ctx, Object body) {
    ctx.header("Cache-Control", "no-store");
    Json.send(ctx, body);
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode n = Json.MAPPER.readTree(ctx.body());
      if (n == null || !n.isObject()) {
        throw ApiException.badRequest("the body must be a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw ApiException.badRequest(
          "the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  static Overrides overrides(Context ctx) {
    return new Overrides(
        format(ctx.queryParam("format"), "format"),
        blankToNull(ctx.queryParam("encoding")),
        blankToNull(ctx.queryParam("delimiter")),
        blankToNull(ctx.queryParam("sheet")),
        year(ctx.queryParam("year"), "year"),
        blankToNull(ctx.queryParam("indicator_set")),
        numerator(ctx.queryParam("numerator"), "numerator"),
        small(ctx.queryParam("header_rows"), "header_rows"),
        level(ctx.queryParam("level"), "level"),
        null);
  }

  static Overrides merge(Overrides old, JsonNode body) {
    JsonNode o = body.path("options");
    Format format =
        body.hasNonNull("format") ? format(body.get("format").asText(), "format") : old.format();
    return new Overrides(
        format,
        o.hasNonNull("encoding") ? o.get("encoding").asText() : old.encoding(),
        o.hasNonNull("delimiter") ? o.get("delimiter").asText() : old.delimiter(),
        o.hasNonNull("sheet") ? o.get("sheet").asText() : old.sheet(),
        o.hasNonNull("year") ? year(o.get("year").asText(), "options.year") : old.year(),
        o.hasNonNull("indicator_set") ? o.get("indicator_set").asText() : old.indicatorSet(),
        o.hasNonNull("numerator")
            ? numerator(o.get("numerator").asText(), "options.numerator")
            : old.numerator(),
        o.hasNonNull("header_rows")
            ? small(o.get("header_rows").asText(), "options.header_rows")
            : old.headerRows(),
        o.hasNonNull("level") ? level(o.get("level").asText(), "options.level") : old.level(),
        body.hasNonNull("mapping")
            ? mapping(body.get("mapping"))
            : body.has("format") ? null : old.mapping());
  }

  static Mapping mapping(JsonNode m) {
    if (!m.isObject()) {
      throw ApiException.badRequest("'mapping' must be an object of column indexes by role");
    }
    List<Mapping.IndicatorColumns> list = new ArrayList<>();
    JsonNode ind = m.path("indicators");
    if (!ind.isMissingNode() && !ind.isNull() && !ind.isArray()) {
      throw ApiException.badRequest("'mapping.indicators' must be an array");
    }
    int i = 0;
    for (JsonNode e : ind) {
      String at = "mapping.indicators[" + i++ + "]";
      list.add(
          new Mapping.IndicatorColumns(
              e.hasNonNull("indicator") ? e.get("indicator").asText() : null,
              column(e, "denominator", at),
              column(e, "numerator", at),
              column(e, "percent", at),
              column(e, "passing", at),
              column(e, "passing_percent", at),
              column(e, "levels", at),
              e.hasNonNull("numerator_kind")
                  ? numerator(e.get("numerator_kind").asText(), at + ".numerator_kind")
                  : null));
    }
    return new Mapping(
        column(m, "code", "mapping"),
        column(m, "name", "mapping"),
        column(m, "parent_name", "mapping"),
        column(m, "indicator", "mapping"),
        column(m, "year", "mapping"),
        column(m, "numerator", "mapping"),
        column(m, "denominator", "mapping"),
        column(m, "percent", "mapping"),
        list);
  }

  private static Integer column(JsonNode n, String field, String at) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > 10_000) {
      throw ApiException.badRequest(
          "'" + at + "." + field + "' must be a column index (0, 1, …) or null");
    }
    return v.asInt();
  }

  private static Format format(String s, String name) {
    if (s == null) {
      return null;
    }
    return Format.of(s)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "parameter '"
                        + name
                        + "' must be one of long, wide, cdd, kcc2c, indicators, not '"
                        + s
                        + "'"));
  }

  private static Integer year(String s, String name) {
    if (s == null) {
      return null;
    }
    if (!s.matches("[0-9]{4}") || Integer.parseInt(s) < 2400 || Integer.parseInt(s) > 2700) {
      throw ApiException.badRequest(
          "parameter '" + name + "' must be a Buddhist Era year such as 2566, not '" + s + "'");
    }
    return Integer.parseInt(s);
  }

  private static String numerator(String s, String name) {
    if (s == null) {
      return null;
    }
    if (!s.equals("failing") && !s.equals("passing") && !s.equals("count")) {
      throw ApiException.badRequest(
          "parameter '" + name + "' must be failing or passing, not '" + s + "'");
    }
    return s;
  }

  private static Integer small(String s, String name) {
    if (s == null) {
      return null;
    }
    if (!s.matches("[1-3]")) {
      throw ApiException.badRequest("parameter '" + name + "' must be 1, 2 or 3, not '" + s + "'");
    }
    return Integer.parseInt(s);
  }

  private static String level(String s, String name) {
    if (s == null) {
      return null;
    }
    if (!List.of("province", "district", "subdistrict", "village").contains(s)) {
      throw ApiException.badRequest(
          "parameter '"
              + name
              + "' must be province, district, subdistrict or village, not '"
              + s
              + "'");
    }
    return s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
