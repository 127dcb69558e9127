package org.phaenthi.boundaries;

import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * One admin unit with its full-detail polygon in EPSG:4326 (x = longitude); a unit of a level
 * without geometry ({@link AdminLevel#hasGeometry()} false, e.g. villages) has none.
 *
 * @param parentCode null for provinces
 * @param geometry null exactly when the level has no geometry
 */
public record Area(
    String code,
    String nameTh,
    String nameEn,
    String parentCode,
    AdminLevel level,
    Geometry geometry) {

  public Area {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(level, "level");
    if (!AreaCodes.isValidUnit(code) || code.length() != level.codeLength()) {
      throw new IllegalArgumentException(
          "code " + code + " is not a " + level.codeLength() + "-digit " + level.urlName());
    }
    if ((geometry == null) == level.hasGeometry()) {
      throw new IllegalArgumentException(
          "area "
              + code
              + ": level "
              + level.urlName()
              + (level.hasGeometry() ? " needs a polygon" : " has no geometry"));
    }
  }

  /** The polygon's bounding box; null for an area without geometry. */
  public Envelope bbox() {
    return geometry == null ? null : geometry.getEnvelopeInternal();
  }
}
