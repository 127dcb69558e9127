package org.phaenthi.server.imports;

import static org.phaenthi.server.Json.obj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.store.JobRecord;
import org.phaenthi.imports.ImportOptions;
import org.phaenthi.imports.Issue;
import org.phaenthi.imports.Mapping;
import org.phaenthi.imports.Report;
import org.phaenthi.imports.Table;
import org.phaenthi.imports.Validator;
import org.phaenthi.server.Json;

/** The job as docs/ADMIN-API.md defines it. */
final class ImportJson {
  static final int PREVIEW_ROWS = 20;

  private ImportJson() {}

  /** A job of this node, with where it runs. */
  static Map<String, Object> job(ImportJob j, JobRecords records) {
    Map<String, Object> out = job(j);
    out.put("node", obj("id", records.node(), "url", records.nodeUrl(), "here", true));
    out.put("cancel_requested", false);
    return out;
  }

  /**
   * A job another node runs (or ran), from the store's record: its phase and error as stored, the
   * rest as its node last wrote it; a job whose node has been silent too long is failed.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> stored(JobRecord r, boolean silent) {
    Map<String, Object> out;
    try {
      out = Json.MAPPER.readValue(r.view(), LinkedHashMap.class);
    } catch (java.io.IOException e) {
      out = new LinkedHashMap<>();
      out.put("id", r.id());
      out.put("who", r.who());
      out.put("created_at", r.createdAt().toString());
    }
    String phase = silent ? "failed" : r.phase();
    String en = silent ? JobRecord.INTERRUPTED_EN : r.errorEn();
    String th = silent ? JobRecord.INTERRUPTED_TH : r.errorTh();
    out.put("phase", phase);
    if (en != null) {
      out.put("error", obj("message", en, "message_th", th));
    }
    // the upload is held by its node: only that node can publish it
    out.put("publishable", false);
    out.put("node", obj("id", r.node(), "url", r.nodeUrl(), "here", false));
    out.put("cancel_requested", r.cancelRequested());
    out.put("heartbeat_at", r.heartbeatAt().toString());
    return out;
  }

  static Map<String, Object> job(ImportJob j) {
    synchronized (j) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", j.id);
      out.put("who", j.who);
      out.put("scope", j.scope);
      out.put("created_at", j.createdAt.toString());
      out.put("file", obj("name", j.fileName, "bytes", j.fileBytes, "sha256", j.sha256));
      out.put("phase", j.phase.wireName());
      out.put("progress", obj("done", j.done, "total", j.total));
      out.put("format", j.detection == null ? null : j.detection.format().wireName());
      out.put("options", j.detection == null ? null : options(j.detection.options()));
      out.put("preview", j.detection == null || j.table == null ? null : preview(j));
      out.put("mapping", j.detection == null ? null : mapping(j.detection.mapping()));
      out.put("roles", Mapping.ROLES);
      out.put("report", j.upload == null ? null : report(j.upload.report()));
      out.put("rows", j.upload == null ? null : j.upload.rows());
      out.put("level", j.upload == null ? null : j.upload.level());
      out.put(
          "provinces", j.upload == null ? null : j.upload.provinces().stream().sorted().toList());
      out.put("indicators", j.upload == null ? null : indicators(j));
      out.put("publishable", j.publishable());
      out.put("publication", j.publication);
      out.put(
          "error", j.errorEn == null ? null : obj("message", j.errorEn, "message_th", j.errorTh));
      return out;
    }
  }

  private static List<String> indicators(ImportJob j) {
    List<String> out = new ArrayList<>(j.upload.valueCodes());
    j.upload
        .definitions()
        .forEach(
            i -> {
              if (!out.contains(i.code())) {
                out.add(i.code());
              }
            });
    return out;
  }

  static Map<String, Object> options(ImportOptions o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("encoding", o.encoding());
    m.put("delimiter", o.delimiter());
    m.put("sheet", o.sheet());
    m.put("sheets", o.sheets());
    m.put("first_header_row", o.firstHeaderRow() + 1);
    m.put("header_rows", o.headerRows());
    m.put("year", o.year());
    m.put("indicator_set", o.indicatorSet());
    m.put("numerator", o.numerator());
    m.put("level", o.level());
    return m;
  }

  private static Map<String, Object> preview(ImportJob j) {
    Table t = j.table;
    String[] headers = j.detection.headers();
    int start = j.detection.options().firstHeaderRow() + j.detection.options().headerRows();
    List<List<String>> rows = new ArrayList<>();
    for (int r = start; r < t.rows().size() && rows.size() < PREVIEW_ROWS; r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < headers.length; c++) {
        row.add(t.cell(r, c));
      }
      rows.add(row);
    }
    List<Map<String, Object>> columns = new ArrayList<>();
    for (int c = 0; c < headers.length; c++) {
      List<String> sample = new ArrayList<>();
      for (int i = 0; i < Math.min(5, rows.size()); i++) {
        sample.add(rows.get(i).get(c));
      }
      columns.add(obj("index", c, "header", headers[c], "sample", sample));
    }
    return obj("columns", columns, "rows", rows, "data_rows", Validator.dataRows(t, j.detection));
  }

  static Map<String, Object> mapping(Mapping m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", m.code());
    out.put("name", m.name());
    out.put("parent_name", m.parentName());
    out.put("indicator", m.indicator());
    out.put("year", m.year());
    out.put("numerator", m.numerator());
    out.put("denominator", m.denominator());
    out.put("percent", m.percent());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Mapping.IndicatorColumns c : m.indicators()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("indicator", c.indicator());
      e.put("denominator", c.denominator());
      e.put("numerator", c.numerator());
      e.put("percent", c.percent());
      e.put("passing", c.passing());
      e.put("passing_percent", c.passingPercent());
      e.put("levels", c.levels());
      e.put("numerator_kind", c.numeratorKind());
      list.add(e);
    }
    out.put("indicators", list);
    return out;
  }

  static Map<String, Object> report(Report r) {
    List<Map<String, Object>> issues = new ArrayList<>();
    for (Issue i : r.issues()) {
      issues.add(issue(i));
    }
    List<Map<String, Object>> coverage = new ArrayList<>();
    for (Report.Coverage c : r.coverage()) {
      coverage.add(
          obj(
              "level", c.level(),
              "areas", c.areas(),
              "with_data", c.withData(),
              "share", Math.round(c.share() * 1000) / 1000.0,
              "households", c.households(),
              "previous_share",
                  c.previousShare() == null
                      ? null
                      : Math.round(c.previousShare() * 1000) / 1000.0));
    }
    return obj(
        "errors", r.errors(),
        "warnings", r.warnings(),
        "by_kind", r.byKind(),
        "issues", issues,
        "issues_shown", issues.size(),
        "coverage", coverage);
  }

  static Map<String, Object> issue(Issue i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", i.severity().wireName());
    m.put("kind", i.kind());
    m.put("row", i.row());
    m.put("column", i.column());
    m.put("message_en", i.messageEn());
    m.put("message_th", i.messageTh());
    m.put("suggestions", i.suggestions());
    return m;
  }
}
