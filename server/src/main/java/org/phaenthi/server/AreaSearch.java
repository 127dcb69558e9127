package org.phaenthi.server;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;

/**
 * Finds areas by Thai or English name: prefix matches first, then contains; English is
 * case-insensitive; within each group higher levels come first, then by code.
 */
public final class AreaSearch {
  private record Entry(Area area, String th, String en) {}

  private final List<Entry> entries = new ArrayList<>();

  AreaSearch(Boundaries boundaries) {
    // levels without geometry (84,090 villages) are not searched: a result is a place to zoom to
    for (AdminLevel level : boundaries.levels().withGeometry()) {
      for (Area a : boundaries.areas(level)) {
        entries.add(new Entry(a, norm(a.nameTh()), norm(a.nameEn())));
      }
    }
  }

  public List<Area> search(String query, int limit) {
    String q = norm(query);
    if (q.isEmpty()) {
      return List.of(); // an empty needle would match every name
    }
    List<Area> prefix = new ArrayList<>();
    List<Area> contains = new ArrayList<>();
    for (Entry e : entries) {
      if (e.th.startsWith(q) || e.en.startsWith(q) || wordStart(e.en, q)) {
        prefix.add(e.area);
      } else if (e.th.contains(q) || e.en.contains(q)) {
        contains.add(e.area);
      }
    }
    List<Area> out = new ArrayList<>(prefix);
    out.addAll(contains);
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  private static boolean wordStart(String text, String q) {
    return text.contains(" " + q);
  }

  static String norm(String s) {
    if (s == null) {
      return "";
    }
    return Normalizer.normalize(s, Normalizer.Form.NFC).trim().toLowerCase(Locale.ROOT);
  }
}
