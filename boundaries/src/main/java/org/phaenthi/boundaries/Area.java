package org.phaenthi.boundaries;

import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * One admin unit with its full-detail polygon in EPSG:4326 (x = longitude).
 *
 * @param parentCode null for provinces
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
    if (!AreaCodes.isValid(code) || code.length() != level.codeLength()) {
      throw new IllegalArgumentException(
          "code " + code + " is not a " + level.codeLength() + "-digit " + level.urlName());
    }
  }

  public Envelope bbox() {
    return geometry.getEnvelopeInternal();
  }
}
