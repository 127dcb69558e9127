package org.phaenthi.server;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;

/**
 * Finds areas by Thai or English name, in this order: names that start with the query (or one of
 * their words does), then names that contain it; then the same on romanisation-folded English (no
 * spaces or hyphens, ph/th/kh/ch read as p/t/k/c, so "Pitsanulok" finds Phitsanulok and "chiangmai"
 * Chiang Mai) and a few well-known other names ("Korat"); then, when that found fewer than asked,
 * names within a small edit distance (typos: "Phitsanulk", "พิษณุโลค"), closest first. A level
 * prefix ("จ.", "อ.", "ต.", จังหวัด/อำเภอ/เขต/ตำบล/แขวง, amphoe, tambon, khet, khwaeng, changwat)
 * keeps results of that level only. Within each group higher levels come first, then by code.
 *
 * <p>The static bundle answers search with a port of this class ({@code
 * web/.../js/area-search.js}); {@code web/src/test/resources/search-cases.json} holds the cases
 * both must answer alike ({@code AreaSearchCasesTest} here, {@code area-search.test.mjs} in Node).
 */
public final class AreaSearch {
  private record Entry(Area area, String th, String en, String folded) {}

  /** Names people use that are not a romanisation of the official one, by folded key. */
  private static final Map<String, String> OTHER_NAMES =
      Map.of(
          "korat", "nakonratcasima",
          "koratcity", "nakonratcasima",
          "bkk", "bangkok",
          "krungtep", "bangkok",
          "krungtepmahanakon", "bangkok");

  /** Level prefixes: Thai abbreviations and words, and the romanised words, with their level. */
  private static final List<Map.Entry<String, AdminLevel>> PREFIXES =
      List.of(
          Map.entry("จังหวัด", AdminLevel.PROVINCE),
          Map.entry("จ.", AdminLevel.PROVINCE),
          Map.entry("อำเภอ", AdminLevel.DISTRICT),
          Map.entry("อ.", AdminLevel.DISTRICT),
          Map.entry("เขต", AdminLevel.DISTRICT),
          Map.entry("ตำบล", AdminLevel.SUBDISTRICT),
          Map.entry("ต.", AdminLevel.SUBDISTRICT),
          Map.entry("แขวง", AdminLevel.SUBDISTRICT),
          Map.entry("changwat ", AdminLevel.PROVINCE),
          Map.entry("amphoe ", AdminLevel.DISTRICT),
          Map.entry("amphur ", AdminLevel.DISTRICT),
          Map.entry("khet ", AdminLevel.DISTRICT),
          Map.entry("tambon ", AdminLevel.SUBDISTRICT),
          Map.entry("khwaeng ", AdminLevel.SUBDISTRICT));

  private final List<Entry> entries = new ArrayList<>();

  AreaSearch(Boundaries boundaries) {
    this(searched(boundaries));
  }

  /** Over these areas in this order (levels from the top, then by code, as the boundaries list). */
  AreaSearch(List<Area> areas) {
    for (Area a : areas) {
      entries.add(new Entry(a, norm(a.nameTh()), norm(a.nameEn()), fold(a.nameEn())));
    }
  }

  private static List<Area> searched(Boundaries boundaries) {
    // levels without geometry (84,090 villages) are not searched: a result is a place to zoom to
    List<Area> out = new ArrayList<>();
    for (AdminLevel level : boundaries.levels().withGeometry()) {
      out.addAll(boundaries.areas(level));
    }
    return out;
  }

  public List<Area> search(String query, int limit) {
    String q = norm(query);
    AdminLevel only = null;
    for (Map.Entry<String, AdminLevel> p : PREFIXES) {
      if (q.startsWith(p.getKey()) && q.length() > p.getKey().length()) {
        only = p.getValue();
        q = q.substring(p.getKey().length()).trim();
        break;
      }
    }
    if (q.isEmpty()) {
      return List.of(); // an empty needle would match every name
    }
    String f = fold(q);
    String other = OTHER_NAMES.get(f);
    // by code: an Area record's equality would compare its polygons
    Map<String, Area> out = new LinkedHashMap<>();
    List<Area> contains = new ArrayList<>();
    List<Area> foldedPrefix = new ArrayList<>();
    List<Area> foldedContains = new ArrayList<>();
    for (Entry e : entries) {
      if (only != null && e.area.level() != only) {
        continue;
      }
      // a well-known other name ("Korat") counts as the name itself
      if (e.th.startsWith(q)
          || e.en.startsWith(q)
          || e.en.contains(" " + q)
          || e.folded.equals(other)) {
        out.put(e.area.code(), e.area);
      } else if (e.th.contains(q) || e.en.contains(q)) {
        contains.add(e.area);
      } else if (!f.isEmpty() && e.folded.startsWith(f)) {
        foldedPrefix.add(e.area);
      } else if (f.length() >= 4 && e.folded.contains(f)) {
        foldedContains.add(e.area);
      }
    }
    for (List<Area> group : List.of(contains, foldedPrefix, foldedContains)) {
      group.forEach(a -> out.putIfAbsent(a.code(), a));
    }
    if (out.size() < limit) {
      typos(q, f, only, out.keySet(), limit - out.size())
          .forEach(a -> out.putIfAbsent(a.code(), a));
    }
    List<Area> list = new ArrayList<>(out.values());
    return list.size() > limit ? list.subList(0, limit) : list;
  }

  /**
   * Names within a small edit distance of the query (1 for 4–6 letters, 2 from 7), over the whole
   * name or its start as long as the query, closest first.
   */
  private List<Area> typos(String q, String f, AdminLevel only, Set<String> found, int max) {
    boolean thai = q.codePoints().anyMatch(c -> c >= 0x0E00 && c <= 0x0E7F);
    String needle = thai ? q : f;
    if (needle.length() < 4) {
      return List.of();
    }
    int allowed = needle.length() >= 7 ? 2 : 1;
    LevenshteinDistance distance = new LevenshteinDistance(allowed);
    record Hit(Area area, int d) {}
    List<Hit> hits = new ArrayList<>();
    for (Entry e : entries) {
      if ((only != null && e.area.level() != only) || found.contains(e.area.code())) {
        continue;
      }
      String name = thai ? e.th : e.folded;
      int d = best(distance, needle, name);
      if (d >= 0) {
        hits.add(new Hit(e.area, d));
      }
    }
    // a stable sort: equally close names keep the level-then-code order
    hits.sort(Comparator.comparingInt(Hit::d));
    return hits.stream().limit(max).map(Hit::area).toList();
  }

  /** Edit distance to the whole name or to its start of the query's length; −1 when too far. */
  private static int best(LevenshteinDistance distance, String needle, String name) {
    int whole = distance.apply(needle, name);
    int start =
        name.length() > needle.length()
            ? distance.apply(needle, name.substring(0, needle.length()))
            : -1;
    if (whole < 0) {
      return start;
    }
    return start < 0 ? whole : Math.min(whole, start);
  }

  static String norm(String s) {
    if (s == null) {
      return "";
    }
    return Normalizer.normalize(s, Normalizer.Form.NFC).trim().toLowerCase(Locale.ROOT);
  }

  /**
   * English folded for romanisation variants: letters and digits only, aspirated ph/th/kh/ch as
   * p/t/k/c (RTGS writes the aspiration that other spellings leave out).
   */
  static String fold(String s) {
    String n = norm(s).replaceAll("[^a-z0-9]", "");
    return n.replace("ph", "p").replace("th", "t").replace("kh", "k").replace("ch", "c");
  }
}
