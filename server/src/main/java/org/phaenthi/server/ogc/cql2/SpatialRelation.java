package org.phaenthi.server.ogc.cql2;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/**
 * The spatial functions of CQL2 (OGC 21-065r2 §8.4–8.5) as JTS predicates (DE-9IM, as in Simple
 * Features). With a prepared literal on the right the predicate is turned around (a within b is b
 * contains a), since only the prepared side is fast.
 */
final class SpatialRelation {
  /** The function names, lower case, as cql2-json writes them. */
  static final List<String> FUNCTIONS =
      List.of(
          "s_intersects",
          "s_equals",
          "s_disjoint",
          "s_touches",
          "s_within",
          "s_overlaps",
          "s_crosses",
          "s_contains");

  private SpatialRelation() {}

  /**
   * @param prepared a or b prepared, or null
   * @param rightPrepared whether {@code prepared} is b
   */
  static boolean test(
      String op, Geometry a, Geometry b, PreparedGeometry prepared, boolean rightPrepared) {
    if (op.equals("s_equals")) {
      return a.equalsTopo(b);
    }
    if (prepared == null) {
      return direct(op, a, b);
    }
    if (!rightPrepared) {
      return prepared(op, prepared, b);
    }
    // a OP b with b prepared: the converse of OP from b's side
    String converse =
        switch (op) {
          case "s_within" -> "s_contains";
          case "s_contains" -> "s_within";
          default -> op; // intersects, disjoint, touches, overlaps, crosses are symmetric
        };
    return prepared(converse, prepared, a);
  }

  private static boolean prepared(String op, PreparedGeometry p, Geometry g) {
    return switch (op) {
      case "s_intersects" -> p.intersects(g);
      case "s_disjoint" -> p.disjoint(g);
      case "s_touches" -> p.touches(g);
      case "s_within" -> p.within(g);
      case "s_overlaps" -> p.overlaps(g);
      case "s_crosses" -> p.crosses(g);
      case "s_contains" -> p.contains(g);
      default -> throw new IllegalStateException(op);
    };
  }

  private static boolean direct(String op, Geometry a, Geometry b) {
    return switch (op) {
      case "s_intersects" -> a.intersects(b);
      case "s_disjoint" -> a.disjoint(b);
      case "s_touches" -> a.touches(b);
      case "s_within" -> a.within(b);
      case "s_overlaps" -> a.overlaps(b);
      case "s_crosses" -> a.crosses(b);
      case "s_contains" -> a.contains(b);
      default -> throw new IllegalStateException(op);
    };
  }
}
