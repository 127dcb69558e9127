package org.phaenthi.boundaries;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The code remaps of one boundary vintage: how codes used by indicator data meet the polygons of
 * boundaries drawn at another time. A table is data ({@code vintages/{name}.csv}, read by {@code
 * load.CodeRemapReader}) and applies only to boundaries of the vintage it was written for; files
 * that name no vintage get {@link #NONE}.
 *
 * <p>Two kinds of rule:
 *
 * <ul>
 *   <li>{@link Kind#JOIN} — indicator codes created after the vintage are placed on the polygon
 *       that covers them ({@code 1047xx → 104701}: every 1047 subdistrict except the target). The
 *       unit stays in its district, so a join may never cross districts; district and province
 *       totals are unchanged.
 *   <li>{@link Kind#MOVE} — the vintage's polygon itself is recoded ({@code 530306 → 530407}): the
 *       subdistrict keeps its names and shape but takes the new code and parent, and the districts
 *       (and provinces) it leaves and joins are dissolved again from their subdistricts, so the map
 *       and the published totals agree. Indicator codes are not touched.
 * </ul>
 *
 * <p>A join matches a 6-digit subdistrict code and every longer code (8-digit village, 10-digit
 * village ID) that starts with it; the rest of a longer code is kept. Codes of 2 or 4 digits never
 * change.
 */
public final class CodeRemaps {
  /** No remaps: boundaries that name no vintage. */
  public static final CodeRemaps NONE = new CodeRemaps(null, List.of());

  /** What a rule changes. */
  public enum Kind {
    /** Indicator codes join the polygon that covers them, inside one district. */
    JOIN,
    /** The boundary polygon is recoded, possibly into another district or province. */
    MOVE;

    /** The name used in the CSV ({@code join}, {@code move}). */
    public String csvName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a CSV name; IllegalArgumentException listing the valid ones. */
    public static Kind ofCsvName(String name) {
      for (Kind k : values()) {
        if (k.csvName().equals(name)) {
          return k;
        }
      }
      throw new IllegalArgumentException("kind '" + name + "' is unknown; valid kinds: join, move");
    }
  }

  /**
   * One rule.
   *
   * @param from a 6-digit code, or for a join a 4-digit district followed by {@code xx} (every
   *     subdistrict of that district except {@code to})
   * @param to the 6-digit code it becomes
   * @param kind join (indicator side) or move (boundary side)
   * @param reason why, for the docs
   */
  public record Rule(String from, String to, Kind kind, String reason) {
    public Rule {
      Objects.requireNonNull(kind, "kind");
      if (!isSubdistrictCode(to)) {
        throw new IllegalArgumentException("to '" + to + "' is not a 6-digit subdistrict code");
      }
      boolean pattern = from != null && from.length() == 6 && from.endsWith("xx");
      if (pattern ? !AreaCodes.isValid(from.substring(0, 4)) : !isSubdistrictCode(from)) {
        throw new IllegalArgumentException(
            "from '" + from + "' is neither a 6-digit subdistrict code nor a district + 'xx'");
      }
      if (pattern && kind == Kind.MOVE) {
        throw new IllegalArgumentException(
            "move " + from + " → " + to + ": a move recodes one polygon, so from is one code");
      }
      if (from.equals(to)) {
        throw new IllegalArgumentException("rule " + from + " → " + to + " changes nothing");
      }
      if (kind == Kind.JOIN && !from.startsWith(to.substring(0, 4))) {
        throw new IllegalArgumentException(
            "join "
                + from
                + " → "
                + to
                + " crosses from district "
                + from.substring(0, 4)
                + " to "
                + to.substring(0, 4)
                + "; a unit that changes district needs kind 'move', so its polygon moves too");
      }
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("rule " + from + " → " + to + " has no reason");
      }
    }

    /** True if this join places the given 6-digit subdistrict code on {@link #to}. */
    boolean joins(String subdistrict) {
      if (kind != Kind.JOIN) {
        return false;
      }
      if (from.endsWith("xx")) {
        return subdistrict.startsWith(from.substring(0, 4)) && !subdistrict.equals(to);
      }
      return subdistrict.equals(from);
    }
  }

  private final String vintage;
  private final List<Rule> rules;

  /**
   * @param vintage the boundary vintage the rules were written for; null only for {@link #NONE}
   * @param rules tried in order; no two rules may share a {@code from}, and no code may be both
   *     moved and the target or source of another rule
   */
  public CodeRemaps(String vintage, List<Rule> rules) {
    this.vintage = vintage;
    this.rules = List.copyOf(rules);
    Set<String> from = new HashSet<>();
    for (Rule r : this.rules) {
      if (!from.add(r.from())) {
        throw new IllegalArgumentException("two rules remap " + r.from());
      }
    }
    for (Rule m : moves()) {
      for (Rule r : this.rules) {
        if (r != m && (r.to().equals(m.from()) || r.to().equals(m.to()) || r.joins(m.to()))) {
          throw new IllegalArgumentException(
              "rule " + r.from() + " → " + r.to() + " conflicts with move " + m.from());
        }
      }
    }
  }

  /** The vintage these rules belong to; empty for {@link #NONE}. */
  public Optional<String> vintage() {
    return Optional.ofNullable(vintage);
  }

  /** Every rule, in file order (for docs). */
  public List<Rule> rules() {
    return rules;
  }

  /** The rules that recode boundary polygons. */
  public List<Rule> moves() {
    return rules.stream().filter(r -> r.kind() == Kind.MOVE).toList();
  }

  /**
   * The code to join indicator data on: unchanged unless its first six characters match a join,
   * then the join's target followed by the rest of the code. Moves never change indicator codes.
   * Null stays null.
   */
  public String remap(String code) {
    if (code == null || code.length() < 6) {
      return code;
    }
    String subdistrict = code.substring(0, 6);
    for (Rule rule : rules) {
      if (rule.joins(subdistrict)) {
        return rule.to() + code.substring(6);
      }
    }
    return code;
  }

  /** True if {@link #remap} changes this code. */
  public boolean isRemapped(String code) {
    return code != null && !code.equals(remap(code));
  }

  /** The vintage and every rule as text: part of the data fingerprint, so an edit re-imports. */
  public String describe() {
    StringBuilder sb = new StringBuilder("vintage=").append(vintage == null ? "none" : vintage);
    for (Rule r : rules) {
      sb.append(';').append(r.from()).append('>').append(r.to()).append(':');
      sb.append(r.kind().csvName()).append(':').append(r.reason());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  private static boolean isSubdistrictCode(String code) {
    return code != null
        && code.length() == 6
        && AreaCodes.isValid(code)
        && !code.startsWith("00", 2)
        && !code.startsWith("00", 4);
  }
}
