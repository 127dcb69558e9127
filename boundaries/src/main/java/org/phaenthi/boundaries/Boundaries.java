package org.phaenthi.boundaries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/** All areas of the three levels, by code, with a spatial index per level. Immutable. */
public final class Boundaries {
  private final Map<AdminLevel, List<Area>> byLevel = new EnumMap<>(AdminLevel.class);
  private final Map<String, Area> byCode = new HashMap<>();
  private final Map<AdminLevel, STRtree> index = new EnumMap<>(AdminLevel.class);

  /** Areas must already be validated (see {@link BoundaryValidator}). */
  public Boundaries(List<Area> areas) {
    for (AdminLevel level : AdminLevel.values()) {
      byLevel.put(level, new ArrayList<>());
    }
    for (Area a : areas) {
      byLevel.get(a.level()).add(a);
      byCode.put(a.code(), a);
    }
    for (AdminLevel level : AdminLevel.values()) {
      List<Area> list = byLevel.get(level);
      list.sort(Comparator.comparing(Area::code));
      byLevel.put(level, Collections.unmodifiableList(list));
      STRtree tree = new STRtree();
      list.forEach(a -> tree.insert(a.bbox(), a));
      tree.build();
      index.put(level, tree);
    }
  }

  /** Areas of a level, sorted by code. */
  public List<Area> areas(AdminLevel level) {
    return byLevel.get(level);
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
    return areas(level).stream().filter(a -> a.code().startsWith(parentCode)).toList();
  }

  /** Areas of a level whose bounding box intersects the envelope. */
  @SuppressWarnings("unchecked")
  public List<Area> query(AdminLevel level, Envelope envelope) {
    List<Area> hits = new ArrayList<>(index.get(level).query(envelope));
    hits.sort(Comparator.comparing(Area::code));
    return hits;
  }

  /** The parent chain from the province down to (not including) this area. */
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
    return byLevel.get(level).size();
  }

  public Envelope extent() {
    Envelope e = new Envelope();
    areas(AdminLevel.PROVINCE).forEach(a -> e.expandToInclude(a.bbox()));
    return e;
  }
}
