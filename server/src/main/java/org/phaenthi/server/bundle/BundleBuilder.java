package org.phaenthi.server.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.Json;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.api.AreaJson;
import org.phaenthi.server.export.AreaExtent;
import org.phaenthi.server.export.PmtilesExporter;

/**
 * Writes a static bundle (see the package description). The JSON files are the API's answers for
 * the questions the app asks in the bundle's area, cut to that area where a question is about the
 * whole country; file names follow {@code web/.../js/bundle-source.js}, which reads them.
 */
public final class BundleBuilder {
  /** The API's answer to a GET, by path and query ({@code api/meta}); non-2xx is an IOException. */
  public interface Api {
    byte[] get(String pathAndQuery) throws IOException;
  }

  /** Where the bundle's files go: a directory or a zip. */
  public interface Sink {
    void put(String path, byte[] bytes) throws IOException;

    void putFile(String path, Path file) throws IOException;
  }

  /** Simplification bands of the shapes the app asks for (layers.js: 6, 9, 11). */
  static final List<Integer> GEOMETRY_ZOOMS = List.of(6, 9, 11);

  static final String ARCHIVE = "tiles.pmtiles";
  static final String MANIFEST = "bundle.json";

  private final Snapshot s;
  private final Api api;
  private final BundleRequest r;
  private final BooleanSupplier cancelled;

  public BundleBuilder(Snapshot s, Api api, BundleRequest r, BooleanSupplier cancelled) {
    this.s = s;
    this.api = api;
    this.r = r;
    this.cancelled = cancelled;
  }

  /** The tile archive of the bundle: every level of it, over the area's extent and zooms. */
  public PmtilesExporter.Request archive() {
    AreaExtent e =
        r.area() == null
            ? new AreaExtent(
                null, s.dataset().boundaries().extent(), 0, PmtilesExporter.DEFAULT_MAX_ZOOM)
            : AreaExtent.ofArea(r.area());
    return new PmtilesExporter.Request(
        r.levels(s), null, null, e.minZoom(), e.maxZoom(), e.bounds());
  }

  /**
   * Writes everything but the archive, which {@code archiveFile} (built with {@link #archive()})
   * supplies.
   */
  public void write(Sink out, Path archiveFile) throws IOException {
    List<AdminLevel> levels = r.levels(s);
    Map<String, byte[]> web = WebAssets.read();
    for (var e : web.entrySet()) {
      if (!e.getKey().equals("index.html") && !e.getKey().equals("embed.html")) {
        out.put(e.getKey(), e.getValue());
      }
    }
    out.put("index.html", indexHtml(new String(web.get("index.html"), StandardCharsets.UTF_8)));
    out.putFile(ARCHIVE, archiveFile);
    out.put("data/meta.json", meta());
    out.put("data/levels.json", levelsJson(levels));
    out.put("data/indicators.json", indicators());
    out.put("data/areas.json", searchIndex(levels));
    for (AdminLevel level : valueLevels(levels)) {
      // a values-only level (villages) is asked for per parent only (the panel's ranked table)
      List<String> parents = parents(level);
      if (!level.hasGeometry()) {
        parents.remove(null);
      }
      for (var ind : r.indicators().entrySet()) {
        for (SurveyYear y : ind.getValue()) {
          for (String p : parents) {
            check();
            String q =
                "api/values?level="
                    + level.urlName()
                    + "&indicator="
                    + enc(ind.getKey().code())
                    + "&year="
                    + y.be()
                    + (p == null ? "" : "&parent=" + p);
            out.put(
                valuesPath(level.urlName(), ind.getKey().code(), y.be(), p),
                cut(api.get(q), "values"));
          }
        }
      }
      if (!level.hasGeometry()) {
        continue;
      }
      boolean tiled = level == levels.get(levels.size() - 1);
      for (int z : GEOMETRY_ZOOMS) {
        for (String p : parents) {
          if (p == null && tiled) {
            continue; // drawn from the archive; its shapes are asked for per parent only
          }
          check();
          String q =
              "api/geometry/" + level.urlName() + "?zoom=" + z + (p == null ? "" : "&parent=" + p);
          out.put(geometryPath(level.urlName(), z, p), cut(api.get(q), "features"));
        }
      }
    }
    for (Area a : areas(levels)) {
      check();
      String code = a.code();
      out.put("data/area/" + code + "/latest.json", api.get("api/values/area/" + code));
      for (int be : allYears()) {
        out.put(
            "data/area/" + code + "/" + be + ".json",
            api.get("api/values/area/" + code + "?year=" + be));
      }
    }
    List<Map<String, Object>> reports = new ArrayList<>();
    java.time.LocalDate today = org.phaenthi.server.render.RenderHandler.today();
    for (Area a : reportAreas()) {
      AdminLevel child = s.levels().child(a.level()).orElseThrow();
      for (var ind : r.indicators().entrySet()) {
        List<Integer> childYears =
            s
                .dataset()
                .indicators()
                .yearsAvailable(ind.getKey().code())
                .getOrDefault(child, List.of())
                .stream()
                .map(SurveyYear::be)
                .toList();
        for (SurveyYear y : ind.getValue()) {
          if (!childYears.contains(y.be())) {
            continue; // the card maps the children: a year they lack would be an empty map
          }
          Map<String, Object> files = new LinkedHashMap<>();
          for (String lang : List.of("th", "en")) {
            check();
            String file = reportPath(a.code(), ind.getKey().code(), y.be(), lang);
            out.put(
                file,
                org.phaenthi.server.render.RenderHandler.reportPdf(
                    s.dataset(),
                    a,
                    org.phaenthi.server.render.RenderHandler.reportRequest(
                        a, child, ind.getKey(), y, null, null, null, lang),
                    today));
            files.put(lang, file);
          }
          reports.add(
              Json.obj(
                  "area",
                  a.code(),
                  "indicator",
                  ind.getKey().code(),
                  "year",
                  y.be(),
                  "files",
                  files));
        }
      }
    }
    this.reports = reports;
    out.put("ATTRIBUTION.txt", BundleTexts.attribution().getBytes(StandardCharsets.UTF_8));
    out.put("README.txt", BundleTexts.readme(r, s).getBytes(StandardCharsets.UTF_8));
    out.put(MANIFEST, manifest(levels, Files.size(archiveFile)));
  }

  /** The report cards written by {@link #write}, listed in the manifest. */
  private List<Map<String, Object>> reports = List.of();

  /**
   * The areas whose report cards a bundle holds: its own area (a province or district) and, for a
   * province, its districts; none for the whole country (77 + 928 cards).
   */
  List<Area> reportAreas() {
    List<Area> out = new ArrayList<>();
    if (r.area() == null) {
      return out;
    }
    out.add(r.area());
    var child = s.levels().child(r.area().level());
    if (child.isPresent()) {
      for (Area c : s.dataset().boundaries().children(child.get(), r.area().code())) {
        if (s.levels().child(c.level()).filter(AdminLevel::hasGeometry).isPresent()) {
          out.add(c);
        }
      }
    }
    return out;
  }

  static String reportPath(String area, String indicator, int year, String lang) {
    return "data/report/" + area + "/" + safe(indicator) + "/" + year + "/" + lang + ".pdf";
  }

  private void check() throws IOException {
    if (cancelled.getAsBoolean()) {
      throw new org.phaenthi.server.export.ExportSpool.Cancelled();
    }
  }

  /**
   * Parents whose children the app asks for at {@code level}: none (null) and those in the area.
   */
  List<String> parents(AdminLevel level) {
    List<String> out = new ArrayList<>();
    out.add(null);
    var parent = s.levels().all().stream().filter(l -> s.levels().child(l).orElse(null) == level);
    AdminLevel p = parent.findFirst().orElse(null);
    if (p != null) {
      for (Area a : s.dataset().boundaries().areas(p)) {
        if (inArea(a.code())) {
          out.add(a.code());
        }
      }
    }
    return out;
  }

  /** The map levels and the values-only levels under them (villages). */
  private List<AdminLevel> valueLevels(List<AdminLevel> levels) {
    List<AdminLevel> out = new ArrayList<>(levels);
    for (AdminLevel l : s.levels().all()) {
      if (!l.hasGeometry() && !out.contains(l)) {
        out.add(l);
      }
    }
    return out;
  }

  /** An area of the bundle: in its area, or one of the areas containing it (the way up). */
  private boolean inArea(String code) {
    return r.area() == null || code.startsWith(r.area().code()) || r.area().code().startsWith(code);
  }

  private List<Area> areas(List<AdminLevel> levels) {
    List<Area> out = new ArrayList<>();
    for (AdminLevel l : levels) {
      for (Area a : s.dataset().boundaries().areas(l)) {
        if (inArea(a.code())) {
          out.add(a);
        }
      }
    }
    return out;
  }

  private List<Integer> allYears() {
    return r.indicators().values().stream()
        .flatMap(List::stream)
        .map(SurveyYear::be)
        .distinct()
        .sorted()
        .toList();
  }

  /** Keeps only the entries of {@code field} whose {@code code} lies in the bundle's area. */
  private byte[] cut(byte[] json, String field) throws IOException {
    if (r.area() == null) {
      return json;
    }
    JsonNode n = Json.MAPPER.readTree(json);
    JsonNode list = n.get(field);
    if (list instanceof ArrayNode a) {
      for (int i = a.size() - 1; i >= 0; i--) {
        JsonNode e = a.get(i);
        JsonNode code = e.has("properties") ? e.get("properties").get("code") : e.get("code");
        if (code == null || !inArea(code.asText())) {
          a.remove(i);
        }
      }
    }
    return Json.MAPPER.writeValueAsBytes(n);
  }

  private byte[] meta() throws IOException {
    ObjectNode m = (ObjectNode) Json.MAPPER.readTree(api.get("api/meta"));
    m.putNull("base_map_url"); // a bundle is offline
    if (r.area() != null) {
      ArrayNode b = m.putArray("bounds");
      for (double d : AreaJson.bbox(r.area().bbox())) {
        b.add(d);
      }
    }
    ObjectNode def = (ObjectNode) m.get("default");
    var first = r.indicators().entrySet().iterator().next();
    def.put("level", start(r.levels(s)).urlName());
    def.put("indicator", first.getKey().code());
    def.put("year", first.getValue().get(first.getValue().size() - 1).be());
    return Json.MAPPER.writeValueAsBytes(m);
  }

  /** The level the bundle opens at: the one below its area (the whole country: the top). */
  private AdminLevel start(List<AdminLevel> levels) {
    if (r.area() == null) {
      return levels.get(0);
    }
    return levels.stream()
        .filter(l -> l.codeLength() > r.area().level().codeLength())
        .findFirst()
        .orElse(levels.get(levels.size() - 1));
  }

  /** {@code /api/levels}, the finest level marked {@code tiles}: drawn from the archive. */
  private byte[] levelsJson(List<AdminLevel> levels) throws IOException {
    ObjectNode n = (ObjectNode) Json.MAPPER.readTree(api.get("api/levels"));
    String finest = levels.get(levels.size() - 1).urlName();
    for (JsonNode l : n.get("levels")) {
      if (l.get("level").asText().equals(finest)) {
        ((ObjectNode) l).put("tiles", true);
      } else if (l.has("level")) {
        ((ObjectNode) l).put("tiles", false);
      }
    }
    return Json.MAPPER.writeValueAsBytes(n);
  }

  /** {@code /api/indicators} with the chosen indicators and years only. */
  private byte[] indicators() throws IOException {
    ObjectNode n = (ObjectNode) Json.MAPPER.readTree(api.get("api/indicators"));
    Map<String, List<Integer>> chosen = new LinkedHashMap<>();
    r.indicators()
        .forEach((i, ys) -> chosen.put(i.code(), ys.stream().map(SurveyYear::be).toList()));
    ArrayNode list = (ArrayNode) n.get("indicators");
    for (int k = list.size() - 1; k >= 0; k--) {
      ObjectNode i = (ObjectNode) list.get(k);
      List<Integer> ys = chosen.get(i.get("code").asText());
      if (ys == null) {
        list.remove(k);
        continue;
      }
      ObjectNode years = (ObjectNode) i.get("years");
      for (var it = years.fields(); it.hasNext(); ) {
        var e = it.next();
        ArrayNode kept = Json.MAPPER.createArrayNode();
        e.getValue()
            .forEach(
                y -> {
                  if (ys.contains(y.asInt())) {
                    kept.add(y);
                  }
                });
        e.setValue(kept);
      }
    }
    return Json.MAPPER.writeValueAsBytes(n);
  }

  /** Every area of the bundle as {@code /api/areas/search} lists one (the app filters by name). */
  private byte[] searchIndex(List<AdminLevel> levels) throws IOException {
    Boundaries b = s.dataset().boundaries();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Area a : areas(levels)) {
      Map<String, Object> e = AreaJson.summary(a);
      List<Map<String, Object>> parents = new ArrayList<>();
      for (Area p : b.ancestors(a)) {
        parents.add(AreaJson.summary(p));
      }
      e.put("parents", parents);
      e.put("bbox", AreaJson.bbox(a.bbox()));
      out.add(e);
    }
    return Json.bytes(Json.obj("areas", out));
  }

  private byte[] manifest(List<AdminLevel> levels, long archiveBytes) {
    Map<String, Object> inds = new LinkedHashMap<>();
    for (Map.Entry<Indicator, List<SurveyYear>> e : r.indicators().entrySet()) {
      inds.put(e.getKey().code(), e.getValue().stream().map(SurveyYear::be).toList());
    }
    PmtilesExporter.Request a = archive();
    return Json.bytes(
        Json.obj(
            "format", 1,
            "area", r.name(),
            "start",
                Json.obj(
                    "level",
                    start(levels).urlName(),
                    "area",
                    r.area() == null ? "" : r.area().code()),
            "archive",
                Json.obj(
                    "file", ARCHIVE,
                    "bytes", archiveBytes,
                    "levels", a.levels().stream().map(AdminLevel::urlName).toList(),
                    "minzoom", a.minZoom(),
                    "maxzoom", a.maxZoom()),
            "geometry_zooms", GEOMETRY_ZOOMS,
            "indicators", inds,
            "reports", reports,
            "data_version", s.dataset().dataVersion(),
            "made_at", Instant.now().toString()));
  }

  /** The app's page, marked as a bundle (bundle-source.js reads the manifest it names). */
  static byte[] indexHtml(String html) {
    String out =
        html.replace("<html lang=\"th\">", "<html lang=\"th\" data-bundle=\"" + MANIFEST + "\">")
            .replace("href=\"api/meta\"", "href=\"data/meta.json\"")
            .replace("href=\"api/levels\"", "href=\"data/levels.json\"")
            .replace("href=\"api/indicators\"", "href=\"data/indicators.json\"")
            .replace(
                "<script type=\"module\"",
                "<script src=\"vendor/pmtiles/dist/pmtiles.js\" defer></script>\n"
                    + "  <script type=\"module\"");
    if (!out.contains("data-bundle=")) {
      throw new IllegalStateException("index.html has no <html lang=\"th\"> to mark as a bundle");
    }
    return out.getBytes(StandardCharsets.UTF_8);
  }

  /** File names of bundle-source.js: codes keep letters, digits, '.', '-' and '_'. */
  static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  static String valuesPath(String level, String indicator, int year, String parent) {
    return "data/values/"
        + level
        + "/"
        + safe(indicator)
        + "/"
        + year
        + "/"
        + (parent == null ? "all" : parent)
        + ".json";
  }

  static String geometryPath(String level, int zoom, String parent) {
    return "data/geometry/"
        + level
        + "/"
        + zoom
        + "/"
        + (parent == null ? "all" : parent)
        + ".json";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
