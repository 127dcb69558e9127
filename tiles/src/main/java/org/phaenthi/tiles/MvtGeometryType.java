package org.phaenthi.tiles;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/** The MVT 2.1 {@code GeomType} enum, with its wire numbers. */
public enum MvtGeometryType {
  UNKNOWN(0),
  POINT(1),
  LINESTRING(2),
  POLYGON(3);

  private final int wireValue;

  MvtGeometryType(int wireValue) {
    this.wireValue = wireValue;
  }

  /** The number written in a feature's {@code type} field. */
  public int wireValue() {
    return wireValue;
  }

  /** The type for a wire number; unknown numbers map to {@link #UNKNOWN}, as the spec allows. */
  public static MvtGeometryType ofWireValue(int value) {
    for (MvtGeometryType t : values()) {
      if (t.wireValue == value) {
        return t;
      }
    }
    return UNKNOWN;
  }

  /**
   * The type a JTS geometry is encoded as.
   *
   * @throws IllegalArgumentException for geometry collections
   */
  public static MvtGeometryType of(Geometry g) {
    if (g instanceof Polygonal) {
      return POLYGON;
    } else if (g instanceof Lineal) {
      return LINESTRING;
    } else if (g instanceof Puntal) {
      return POINT;
    }
    throw new IllegalArgumentException(
        "cannot encode " + g.getGeometryType() + " as an MVT feature");
  }
}
