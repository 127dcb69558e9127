package org.phaenthi.server.ogc;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.phaenthi.boundaries.Area;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.export.Selection;

/**
 * {@code sortby} (OGC API – Features Part 8 style, as pg_featureserv): a comma list of property
 * names, each optionally prefixed {@code +} (ascending, the default) or {@code -} (descending),
 * e.g. {@code sortby=-value,code}. Missing values (null) sort last in either direction — a missing
 * value is not a small one. The area code is always the last key, so the order is total and pages
 * are stable.
 *
 * @param keys the sort keys in order; empty for code order
 */
record SortBy(List<Key> keys) {
  static final SortBy CODE_ORDER = new SortBy(List.of());

  /** One sort key. */
  record Key(String property, boolean descending) {
    @Override
    public String toString() {
      return (descending ? "-" : "") + property;
    }
  }

  /** The keys of {@code text}, or a 400 naming {@code sortby} and the sortable properties. */
  static SortBy parse(String text, Selection s) {
    if (text == null) {
      return CODE_ORDER;
    }
    List<String> known = s.propertyNames();
    List<Key> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String raw : text.split(",", -1)) {
      String t = raw.trim();
      boolean desc = t.startsWith("-");
      if (desc || t.startsWith("+")) {
        t = t.substring(1).trim();
      }
      // "ASC"/"DESC" suffixes (the form of the first Part 8 drafts) are taken too
      String[] words = t.split("\\s+");
      if (words.length == 2 && !desc && words[1].matches("(?i)asc|desc")) {
        t = words[0];
        desc = words[1].equalsIgnoreCase("desc");
      }
      if (t.isEmpty()) {
        throw ApiException.badRequest(
            "parameter 'sortby': empty sort key in '" + text + "'; e.g. sortby=-value,code");
      }
      if (!known.contains(t)) {
        throw ApiException.badRequest(
            "parameter 'sortby': unknown property '" + t + "'; sortable: " + known);
      }
      if (!seen.add(t)) {
        throw ApiException.badRequest("parameter 'sortby': property '" + t + "' given twice");
      }
      keys.add(new Key(t, desc));
    }
    return new SortBy(keys);
  }

  /** The areas in this order (a new list; the input is left alone). */
  List<Area> sort(List<Area> areas, Selection s) {
    if (keys.isEmpty()) {
      return areas;
    }
    Collator collator = Collator.getInstance(Locale.forLanguageTag("th"));
    List<Map.Entry<Area, Map<String, Object>>> rows = new ArrayList<>();
    for (Area a : areas) {
      rows.add(Map.entry(a, s.properties(a)));
    }
    Comparator<Map.Entry<Area, Map<String, Object>>> order = null;
    for (Key k : keys) {
      Comparator<Map.Entry<Area, Map<String, Object>>> c =
          (x, y) ->
              compare(x.getValue().get(k.property()), y.getValue().get(k.property()), k, collator);
      order = order == null ? c : order.thenComparing(c);
    }
    order = order.thenComparing(e -> e.getKey().code());
    rows.sort(order);
    return rows.stream().map(Map.Entry::getKey).toList();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b, Key k, Collator collator) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1; // nulls last, whatever the direction
    }
    int c;
    if (a instanceof Number x && b instanceof Number y) {
      c = Double.compare(x.doubleValue(), y.doubleValue());
    } else if (a instanceof String x && b instanceof String y) {
      c = collator.compare(x, y);
      if (c == 0) {
        c = x.compareTo(y);
      }
    } else {
      c = ((Comparable) a).compareTo(b);
    }
    return k.descending() ? -c : c;
  }

  /** {@code -value,code}: the canonical text, for links. */
  @Override
  public String toString() {
    return String.join(",", keys.stream().map(Key::toString).toList());
  }
}
