package org.phaenthi.boundaries.coverage;

import java.util.Objects;
import org.locationtech.jts.geom.LineString;

/**
 * One chain of polygon edges between the same two areas (or between an area and the outside),
 * stored once. Its vertices are exactly the vertices of both neighbours' rings.
 *
 * @param codeA the area on one side; for shared lines the smaller code
 * @param codeB the area on the other side, or null for the outer edge
 * @param line in the same units as the band's areas (Web Mercator metres)
 */
public record BorderLine(BorderRank rank, String codeA, String codeB, LineString line) {

  public BorderLine {
    Objects.requireNonNull(rank, "rank");
    Objects.requireNonNull(codeA, "codeA");
    Objects.requireNonNull(line, "line");
    if ((codeB == null) != (rank == BorderRank.COUNTRY)) {
      throw new IllegalArgumentException("only the outer edge has no second area");
    }
  }

  public boolean isOuter() {
    return codeB == null;
  }
}
