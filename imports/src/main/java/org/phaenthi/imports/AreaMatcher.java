package org.phaenthi.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.AreaCodes;
import org.phaenthi.boundaries.Boundaries;

/**
 * Finds areas by code or by Thai/English name within a parent, and the nearest names when it
 * cannot. Names are compared without prefixes (จังหวัด, อำเภอ, อ., ตำบล, ต., แขวง, เขต), spaces and
 * case.
 */
public final class AreaMatcher {
  private final Boundaries boundaries;
  private final Set<String> extraCodes;
  private final Map<AdminLevel, Map<String, List<Area>>> byName = new HashMap<>();

  /**
   * @param extraCodes codes known without a polygon (municipal pseudo-subdistricts the current
   *     publication has values for)
   */
  public AreaMatcher(Boundaries boundaries, Set<String> extraCodes) {
    this.boundaries = boundaries;
    this.extraCodes = Set.copyOf(extraCodes);
    for (AdminLevel l : boundaries.levels()) {
      Map<String, List<Area>> m = new HashMap<>();
      for (Area a : boundaries.areas(l)) {
        m.computeIfAbsent(norm(a.nameTh()), k -> new ArrayList<>()).add(a);
        if (a.nameEn() != null) {
          m.computeIfAbsent(norm(a.nameEn()), k -> new ArrayList<>()).add(a);
        }
      }
      byName.put(l, m);
    }
  }

  public Boundaries boundaries() {
    return boundaries;
  }

  /** True when a 2/4/6-digit code is an area, or a pseudo-subdistrict known to the data. */
  public boolean known(String code) {
    if (boundaries.area(code).isPresent() || extraCodes.contains(code)) {
      return true;
    }
    // a municipal pseudo-subdistrict (tambon part ≥ 51) of a district that exists
    return code.length() == 6
        && AreaCodes.isValid(code)
        && AreaCodes.isMunicipalPseudoSubdistrict(code)
        && boundaries.area(code.substring(0, 4)).isPresent();
  }

  static String norm(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    for (String p :
        new String[] {
          "จังหวัด",
          "จ.",
          "กิ่งอำเภอ",
          "อำเภอ",
          "อ.",
          "เขต",
          "ตำบล",
          "ต.",
          "แขวง",
          "changwat",
          "amphoe",
          "tambon",
          "khet",
          "khwaeng"
        }) {
      if (n.startsWith(p) && n.length() > p.length()) {
        n = n.substring(p.length());
        break;
      }
    }
    return n.replaceAll("[^\\p{L}\\p{M}\\p{N}]", "");
  }

  /** Areas of a level with this name, under the parent (a code prefix, "" = anywhere). */
  public List<Area> byName(AdminLevel level, String name, String parentPrefix) {
    List<Area> all = byName.get(level).getOrDefault(norm(name), List.of());
    return all.stream().filter(a -> a.code().startsWith(parentPrefix)).distinct().toList();
  }

  /** The (up to) three names of the level under the parent nearest to this name, "code name". */
  public List<String> nearestNames(AdminLevel level, String name, String parentPrefix) {
    String n = norm(name);
    return boundaries.areas(level).stream()
        .filter(a -> a.code().startsWith(parentPrefix))
        .sorted(
            Comparator.comparingInt(
                    (Area a) ->
                        Math.min(distance(n, norm(a.nameTh())), distance(n, norm(a.nameEn()))))
                .thenComparing(Area::code))
        .limit(3)
        .map(AreaMatcher::label)
        .toList();
  }

  /** The (up to) three areas of the same level and parent whose codes are nearest. */
  public List<String> nearestCodes(String code) {
    AdminLevel level = boundaries.levels().ofCodeLength(code.length()).orElse(null);
    if (level == null || !code.matches("\\d+")) {
      return List.of();
    }
    long c = Long.parseLong(code);
    // siblings first; when the parent itself is unknown, the nearest under the grandparent
    String parent = AreaCodes.parentOf(code);
    while (parent != null) {
      String p = parent;
      if (boundaries.areas(level).stream().anyMatch(a -> a.code().startsWith(p))) {
        break;
      }
      parent = AreaCodes.parentOf(parent);
    }
    String prefix = parent;
    return boundaries.areas(level).stream()
        .filter(a -> prefix == null || a.code().startsWith(prefix))
        .sorted(Comparator.comparingLong((Area a) -> Math.abs(Long.parseLong(a.code()) - c)))
        .limit(3)
        .map(AreaMatcher::label)
        .toList();
  }

  static String label(Area a) {
    return a.code() + " " + a.nameTh() + (a.nameEn() == null ? "" : " (" + a.nameEn() + ")");
  }

  static int distance(String a, String b) {
    if (b == null) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
