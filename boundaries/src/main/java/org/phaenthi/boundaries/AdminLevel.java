package org.phaenthi.boundaries;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One admin level of a boundary set: its URL name (what every endpoint accepts), Thai and English
 * names, code digits, parent level and geometry kind. Levels are data: a boundary set declares its
 * own ({@link Levels}); the standard Thai levels are constants here, used by the loaders of the
 * bundled files. A level is identified by its URL name within a boundary set ({@code equals} and
 * {@code hashCode} compare the name only), so a value set's level name meets the boundary set's
 * level of that name.
 */
public final class AdminLevel implements Comparable<AdminLevel> {
  /** Whether a level's areas have polygons: {@code none} levels carry values only. */
  public enum GeometryKind {
    POLYGON,
    NONE;

    /** The name in JSON and the API: {@code polygon} or {@code none}. */
    public String urlName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GeometryKind> fromUrlName(String name) {
      for (GeometryKind k : values()) {
        if (k.urlName().equals(name)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  public static final AdminLevel PROVINCE =
      new AdminLevel("province", 2, "จังหวัด", "Province", null, GeometryKind.POLYGON);
  public static final AdminLevel DISTRICT =
      new AdminLevel("district", 4, "อำเภอ/เขต", "District", PROVINCE, GeometryKind.POLYGON);
  public static final AdminLevel SUBDISTRICT =
      new AdminLevel("subdistrict", 6, "ตำบล/แขวง", "Subdistrict", DISTRICT, GeometryKind.POLYGON);

  /**
   * TPMAP's villages and urban communities: 10-character IDs (8-digit village code + 2-digit
   * suffix), values only.
   */
  public static final AdminLevel VILLAGE =
      new AdminLevel(
          "village", 10, "หมู่บ้าน/ชุมชน", "Village/community", SUBDISTRICT, GeometryKind.NONE);

  private static final List<AdminLevel> CONSTANTS =
      List.of(PROVINCE, DISTRICT, SUBDISTRICT, VILLAGE);

  private final String urlName;
  private final int codeLength;
  private final String nameTh;
  private final String nameEn;
  private final AdminLevel parent;
  private final GeometryKind geometry;
  private final int depth;

  private AdminLevel(
      String urlName,
      int codeLength,
      String nameTh,
      String nameEn,
      AdminLevel parent,
      GeometryKind geometry) {
    if (urlName == null || !urlName.matches("[a-z][a-z0-9_]{0,15}")) {
      throw new IllegalArgumentException(
          "level name must be 1-16 lower-case letters, digits or _, starting with a letter: "
              + urlName);
    }
    if (codeLength < 1 || codeLength > 10) {
      throw new IllegalArgumentException("level " + urlName + ": code digits must be 1 to 10");
    }
    if (parent != null && parent.codeLength >= codeLength) {
      throw new IllegalArgumentException(
          "level " + urlName + ": codes must be longer than those of its parent " + parent.urlName);
    }
    if (parent != null && !parent.hasGeometry() && geometry == GeometryKind.POLYGON) {
      throw new IllegalArgumentException(
          "level " + urlName + " has polygons but its parent " + parent.urlName + " has none");
    }
    this.urlName = urlName;
    this.codeLength = codeLength;
    this.nameTh = Objects.requireNonNull(nameTh, "nameTh");
    this.nameEn = Objects.requireNonNull(nameEn, "nameEn");
    this.parent = parent;
    this.geometry = Objects.requireNonNull(geometry, "geometry");
    this.depth = parent == null ? 0 : parent.depth + 1;
  }

  /**
   * A level as a boundary set declares it; the standard constant when every field matches one, so
   * the loaders' constants and a stored set's levels are the same objects.
   */
  public static AdminLevel of(
      String urlName,
      int codeLength,
      String nameTh,
      String nameEn,
      AdminLevel parent,
      GeometryKind geometry) {
    AdminLevel l = new AdminLevel(urlName, codeLength, nameTh, nameEn, parent, geometry);
    for (AdminLevel c : CONSTANTS) {
      if (c.sameAs(l)) {
        return c;
      }
    }
    return l;
  }

  /** Every field equal (equals compares the name only). */
  public boolean sameAs(AdminLevel o) {
    return urlName.equals(o.urlName)
        && codeLength == o.codeLength
        && nameTh.equals(o.nameTh)
        && nameEn.equals(o.nameEn)
        && geometry == o.geometry
        && (parent == null ? o.parent == null : o.parent != null && parent.sameAs(o.parent));
  }

  /** The standard polygon levels (province, district, subdistrict), for loaders and tests. */
  public static List<AdminLevel> standard() {
    return Levels.STANDARD.all();
  }

  @JsonValue
  public String urlName() {
    return urlName;
  }

  public int codeLength() {
    return codeLength;
  }

  public String nameTh() {
    return nameTh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** The level above, or empty for the top level. */
  public Optional<AdminLevel> parent() {
    return Optional.ofNullable(parent);
  }

  public GeometryKind geometry() {
    return geometry;
  }

  /** False for a level of values only (no polygons, so no tiles or geometry). */
  public boolean hasGeometry() {
    return geometry == GeometryKind.POLYGON;
  }

  /** 0 for the top level, then one more per parent. */
  public int depth() {
    return depth;
  }

  /**
   * A level named in stored JSON (a year's levels) or a value chunk: a standard level by its URL
   * name or its former enum name ({@code PROVINCE}); another name is a reference resolved against
   * the boundary set's {@link Levels} ({@link Levels#resolve}).
   */
  @JsonCreator
  public static AdminLevel named(String name) {
    for (AdminLevel c : CONSTANTS) {
      if (c.urlName.equals(name) || c.urlName.toUpperCase(Locale.ROOT).equals(name)) {
        return c;
      }
    }
    return new AdminLevel(name, 10, name, name, null, GeometryKind.NONE);
  }

  /** Shallower levels first, then by name. */
  @Override
  public int compareTo(AdminLevel o) {
    int c = Integer.compare(depth, o.depth);
    return c != 0 ? c : urlName.compareTo(o.urlName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AdminLevel l && l.urlName.equals(urlName);
  }

  @Override
  public int hashCode() {
    return urlName.hashCode();
  }

  @Override
  public String toString() {
    return urlName;
  }
}
