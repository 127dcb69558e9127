package org.phaenthi.boundaries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * All areas of a boundary set's levels, by code, with a spatial index per level that has geometry.
 * Immutable.
 */
public final class Boundaries {
  private final Levels levels;
  private final Map<AdminLevel, List<Area>> byLevel = new HashMap<>();
  private final Map<String, Area> byCode = new HashMap<>();
  private final Map<AdminLevel, STRtree> index = new HashMap<>();

  /** Areas of the standard polygon levels; see {@link #Boundaries(Levels, List)}. */
  public Boundaries(List<Area> areas) {
    this(Levels.STANDARD, areas);
  }

  /**
   * Areas must already be validated (see {@code BoundaryLoader}); each must be of one of the
   * declared levels (IllegalArgumentException otherwise).
   */
  public Boundaries(Levels levels, List<Area> areas) {
    this.levels = levels;
    for (AdminLevel level : levels) {
      byLevel.put(level, new ArrayList<>());
    }
    for (Area a : areas) {
      if (!levels.contains(a.level())) {
        throw new IllegalArgumentException(
            "area " + a.code() + " is of level " + a.level() + ", not one of " + levels);
      }
      byLevel.get(a.level()).add(a);
      byCode.put(a.code(), a);
    }
    for (AdminLevel level : levels) {
      List<Area> list = byLevel.get(level);
      list.sort(Comparator.comparing(Area::code));
      byLevel.put(level, Collections.unmodifiableList(list));
      if (level.hasGeometry()) {
        STRtree tree = new STRtree();
        list.forEach(a -> tree.insert(a.bbox(), a));
        tree.build();
        index.put(level, tree);
      }
    }
  }

  /** The levels these areas are of, as the boundary set declares them. */
  public Levels levels() {
    return levels;
  }

  /** Areas of a level, sorted by code (empty for a level not declared). */
  public List<Area> areas(AdminLevel level) {
    return byLevel.getOrDefault(level, List.of());
  }

  public Optional<Area> area(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /**
   * Areas of a level whose code starts with the parent's code (all of them when parent is null).
   */
  public List<Area> children(AdminLevel level, String parentCode) {
    if (parentCode == null) {
      return areas(level);
    }
    // sorted by code, so the children are one run found by binary search (84,090 villages)
    List<Area> all = areas(level);
    int from = firstAtOrAfter(all, parentCode);
    int to = from;
    while (to < all.size() && all.get(to).code().startsWith(parentCode)) {
      to++;
    }
    return all.subList(from, to);
  }

  private static int firstAtOrAfter(List<Area> sorted, String code) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).code().compareTo(code) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Areas of a level whose bounding box intersects the envelope (none without geometry). */
  @SuppressWarnings("unchecked")
  public List<Area> query(AdminLevel level, Envelope envelope) {
    STRtree tree = index.get(level);
    if (tree == null) {
      return List.of();
    }
    List<Area> hits = new ArrayList<>(tree.query(envelope));
    hits.sort(Comparator.comparing(Area::code));
    return hits;
  }

  /** The parent chain from the top level down to (not including) this area. */
  public List<Area> ancestors(Area area) {
    List<Area> chain = new ArrayList<>();
    String p = area.parentCode();
    while (p != null) {
      Area parent = byCode.get(p);
      if (parent == null) {
        break;
      }
      chain.add(0, parent);
      p = parent.parentCode();
    }
    return chain;
  }

  public int count(AdminLevel level) {
    return areas(level).size();
  }

  public Envelope extent() {
    Envelope e = new Envelope();
    areas(levels.all().get(0)).forEach(a -> e.expandToInclude(a.bbox()));
    return e;
  }
}
