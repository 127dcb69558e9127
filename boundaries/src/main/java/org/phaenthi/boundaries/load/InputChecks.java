package org.phaenthi.boundaries.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.ValueSet;

/**
 * Checks that refuse a broken data directory before it is published, so the publication served
 * keeps being served: boundaries that leave the country, and a new import that has sharply fewer
 * areas or rows than the publication it would replace (a file cut short at a line end, a filter
 * applied by mistake). A row cut in the middle is refused by the CSV reader itself.
 */
public final class InputChecks {
  /**
   * Thailand's extent with a margin of about half a degree: lon 97.0–106.0, lat 5.0–21.0 (the
   * country spans 97.34–105.64 E, 5.61–20.46 N, islands included).
   */
  public static final Envelope THAILAND = new Envelope(97.0, 106.0, 5.0, 21.0);

  private InputChecks() {}

  /**
   * Every area's geometry lies inside {@code extent} with finite coordinates; else an
   * IllegalArgumentException naming the first areas outside and where they reach.
   */
  public static void boundariesInside(Boundaries boundaries, Envelope extent) {
    List<String> outside = new ArrayList<>();
    int count = 0;
    for (AdminLevel level : boundaries.levels().withGeometry()) {
      for (Area a : boundaries.areas(level)) {
        Envelope e = a.geometry().getEnvelopeInternal();
        boolean finite = true;
        for (Coordinate c : a.geometry().getCoordinates()) {
          if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
            finite = false;
            break;
          }
        }
        if (!finite || !extent.contains(e)) {
          if (count++ < 3) {
            outside.add(
                a.code()
                    + " ("
                    + (a.nameEn() != null ? a.nameEn() : a.nameTh())
                    + ") reaches lon "
                    + e.getMinX()
                    + "…"
                    + e.getMaxX()
                    + ", lat "
                    + e.getMinY()
                    + "…"
                    + e.getMaxY());
          }
        }
      }
    }
    if (count > 0) {
      throw new IllegalArgumentException(
          count
              + " boundary area(s) lie outside Thailand's extent (lon "
              + extent.getMinX()
              + "–"
              + extent.getMaxX()
              + ", lat "
              + extent.getMinY()
              + "–"
              + extent.getMaxY()
              + ", EPSG:4326): "
              + String.join("; ", outside)
              + (count > 3 ? "; …" : "")
              + ". Are the files in another coordinate system, or broken?");
    }
  }

  /**
   * The new draft has, for every level, at least {@code 1 − maxDrop} of the areas the held
   * publication has, and for every survey year both hold, at least that share of the areas with
   * values at each level; else an IllegalArgumentException saying what dropped, from how many to
   * how many. Counts under 10 are not compared (too small to tell a drop from a change).
   *
   * @param maxDrop the largest accepted drop, 0–1 (0.2 = 20 %); 1 turns the check off
   */
  public static void noSharpDrop(
      Draft next, Boundaries heldBoundaries, List<ValueSet> heldValues, double maxDrop) {
    if (maxDrop >= 1) {
      return;
    }
    List<String> drops = new ArrayList<>();
    Boundaries nb = next.boundarySet().boundaries();
    for (AdminLevel level : nb.levels()) {
      compare(
          drops, level.urlName() + " areas", heldBoundaries.count(level), nb.count(level), maxDrop);
    }
    Map<String, Integer> held = valueCounts(heldValues);
    Map<String, Integer> now = valueCounts(next.valueSets());
    for (var e : held.entrySet()) {
      if (now.containsKey(e.getKey())) {
        compare(drops, e.getKey(), e.getValue(), now.get(e.getKey()), maxDrop);
      }
    }
    if (!drops.isEmpty()) {
      throw new IllegalArgumentException(
          "the data directory has sharply fewer rows than the publication served: "
              + String.join("; ", drops)
              + " (more than "
              + Math.round(maxDrop * 100)
              + " % less, --import-max-drop). Is a file cut short? If the drop is intended,"
              + " raise --import-max-drop for this import");
    }
  }

  private static void compare(List<String> drops, String what, int held, int now, double maxDrop) {
    if (held >= 10 && now < held * (1 - maxDrop)) {
      drops.add(what + ": " + now + " instead of " + held);
    }
  }

  /** Per "YEAR level", the most areas any one indicator has values for. */
  static Map<String, Integer> valueCounts(List<ValueSet> sets) {
    Map<String, Integer> out = new TreeMap<>();
    for (ValueSet v : sets) {
      for (var level : v.values().entrySet()) {
        int most = 0;
        for (var indicator : level.getValue().values()) {
          most = Math.max(most, indicator.size());
        }
        out.merge(
            v.year().year().be() + " " + level.getKey().urlName() + " areas with values",
            most,
            Math::max);
      }
    }
    return out;
  }
}
