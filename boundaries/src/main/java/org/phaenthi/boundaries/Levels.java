package org.phaenthi.boundaries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The levels a boundary set declares, from the top down: what every endpoint accepts as a level,
 * what {@code /api/levels} lists. Each level's parent is declared before it; the top level has
 * none. Immutable.
 */
public final class Levels implements Iterable<AdminLevel> {
  /** Province, district, subdistrict: the polygon levels of the bundled RTSD files. */
  public static final Levels STANDARD =
      new Levels(List.of(AdminLevel.PROVINCE, AdminLevel.DISTRICT, AdminLevel.SUBDISTRICT));

  /** The standard levels and TPMAP's villages (values only). */
  public static final Levels WITH_VILLAGES =
      new Levels(
          List.of(
              AdminLevel.PROVINCE,
              AdminLevel.DISTRICT,
              AdminLevel.SUBDISTRICT,
              AdminLevel.VILLAGE));

  private final List<AdminLevel> all;
  private final Map<String, AdminLevel> byName = new HashMap<>();

  public Levels(List<AdminLevel> levels) {
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("a boundary set declares at least one level");
    }
    for (AdminLevel l : levels) {
      if (byName.put(l.urlName(), l) != null) {
        throw new IllegalArgumentException("level " + l.urlName() + " is declared twice");
      }
      if (l.parent().isPresent() && byName.get(l.parent().get().urlName()) != l.parent().get()) {
        throw new IllegalArgumentException(
            "level " + l.urlName() + ": its parent level must be declared before it");
      }
    }
    if (levels.get(0).parent().isPresent() || !levels.get(0).hasGeometry()) {
      throw new IllegalArgumentException("the first level has polygons and no parent");
    }
    this.all = List.copyOf(levels);
  }

  /** Every level, top down. */
  public List<AdminLevel> all() {
    return all;
  }

  @Override
  public Iterator<AdminLevel> iterator() {
    return all.iterator();
  }

  /** The levels with polygons (tiles, geometry, bands), top down. */
  public List<AdminLevel> withGeometry() {
    return all.stream().filter(AdminLevel::hasGeometry).toList();
  }

  public Optional<AdminLevel> byName(String urlName) {
    return Optional.ofNullable(byName.get(urlName));
  }

  public boolean contains(AdminLevel level) {
    return byName.get(level.urlName()) == level;
  }

  /** This set's level of the same name as a level read from elsewhere (a value set's chunk). */
  public Optional<AdminLevel> resolve(AdminLevel level) {
    return byName(level.urlName());
  }

  public List<String> urlNames() {
    return all.stream().map(AdminLevel::urlName).toList();
  }

  /** The first declared level whose parent is this one. */
  public Optional<AdminLevel> child(AdminLevel level) {
    return all.stream().filter(l -> l.parent().map(level::equals).orElse(false)).findFirst();
  }

  /** The level whose codes have this many digits. */
  public Optional<AdminLevel> ofCodeLength(int digits) {
    return all.stream().filter(l -> l.codeLength() == digits).findFirst();
  }

  /** As stored with a boundary set: one map per level (name, names, digits, parent, geometry). */
  public List<Map<String, Object>> toJson() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AdminLevel l : all) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("level", l.urlName());
      m.put("name_th", l.nameTh());
      m.put("name_en", l.nameEn());
      m.put("code_digits", l.codeLength());
      m.put("parent", l.parent().map(AdminLevel::urlName).orElse(null));
      m.put("geometry", l.geometry().urlName());
      out.add(Collections.unmodifiableMap(m));
    }
    return out;
  }

  /** The levels of {@link #toJson}; IllegalArgumentException naming what is wrong. */
  public static Levels fromJson(List<Map<String, Object>> json) {
    List<AdminLevel> out = new ArrayList<>();
    Map<String, AdminLevel> declared = new HashMap<>();
    for (Map<String, Object> m : json) {
      String name = String.valueOf(m.get("level"));
      Object parentName = m.get("parent");
      AdminLevel parent = null;
      if (parentName != null) {
        parent = declared.get(parentName.toString());
        if (parent == null) {
          throw new IllegalArgumentException(
              "level " + name + ": parent level " + parentName + " is not declared before it");
        }
      }
      Object digits = m.get("code_digits");
      if (!(digits instanceof Number n)) {
        throw new IllegalArgumentException("level " + name + ": code_digits must be a number");
      }
      AdminLevel.GeometryKind kind =
          AdminLevel.GeometryKind.fromUrlName(String.valueOf(m.get("geometry")))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "level " + name + ": geometry must be 'polygon' or 'none'"));
      AdminLevel l =
          AdminLevel.of(
              name,
              n.intValue(),
              String.valueOf(m.get("name_th")),
              String.valueOf(m.get("name_en")),
              parent,
              kind);
      declared.put(name, l);
      out.add(l);
    }
    return new Levels(out);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Levels other) || other.all.size() != all.size()) {
      return false;
    }
    for (int i = 0; i < all.size(); i++) {
      if (!all.get(i).sameAs(other.all.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return all.hashCode();
  }

  @Override
  public String toString() {
    return urlNames().toString();
  }
}
