package org.phaenthi.server.ogc.cql2;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A parsed CQL2 filter: the same tree from cql2-text and cql2-json. {@link #test} evaluates it on
 * one feature's properties with SQL's three-valued logic: a comparison with a missing (null) value
 * is unknown, never true, so {@code value < 10} does not select areas without data.
 */
public sealed interface Expr {
  /** The truth of this filter for one feature. */
  Truth eval(Map<String, Object> p);

  /** Whether the feature passes: only a definite TRUE does. */
  default boolean test(Map<String, Object> p) {
    return eval(p) == Truth.TRUE;
  }

  /** SQL's three truth values: a comparison with a missing value is {@link #UNKNOWN}. */
  enum Truth {
    TRUE,
    FALSE,
    UNKNOWN;

    static Truth of(boolean b) {
      return b ? TRUE : FALSE;
    }

    Truth not() {
      return switch (this) {
        case TRUE -> FALSE;
        case FALSE -> TRUE;
        case UNKNOWN -> UNKNOWN;
      };
    }
  }

  /** A property or a literal. */
  sealed interface Operand {
    Object value(Map<String, Object> p);
  }

  record Property(String name) implements Operand {
    @Override
    public Object value(Map<String, Object> p) {
      return p.get(name);
    }
  }

  /** A string, a number (as Double), a boolean or a geometry (JTS, in CRS84). */
  record Literal(Object value) implements Operand {
    @Override
    public Object value(Map<String, Object> p) {
      return value;
    }
  }

  /**
   * {@code CASEI(x)} or {@code ACCENTI(x)} (CQL2 §8.2, §8.3): the string folded so that two strings
   * equal but for case (or accents) compare equal; null stays null.
   */
  record Insensitive(String fn, Operand arg) implements Operand {
    @Override
    public Object value(Map<String, Object> p) {
      Object v = arg.value(p);
      return v == null ? null : Folding.fold(fn, v.toString());
    }
  }

  /**
   * A spatial function (CQL2 §8.4–8.5: {@code S_INTERSECTS}, {@code S_WITHIN} …) of two geometries
   * in CRS84, evaluated with JTS. A literal argument is prepared once ({@link PreparedGeometry}),
   * so testing it against every area's polygon is an indexed test, not a full relate; a feature
   * without geometry gives unknown.
   */
  record Spatial(
      String op, Operand left, Operand right, PreparedGeometry prepared, boolean rightPrepared)
      implements Expr {
    static Spatial of(String op, Operand left, Operand right) {
      String o = op.toLowerCase(java.util.Locale.ROOT);
      if (right instanceof Literal l && l.value() instanceof Geometry g) {
        return new Spatial(o, left, right, PreparedGeometryFactory.prepare(g), true);
      }
      if (left instanceof Literal l && l.value() instanceof Geometry g) {
        return new Spatial(o, left, right, PreparedGeometryFactory.prepare(g), false);
      }
      return new Spatial(o, left, right, null, false);
    }

    @Override
    public Truth eval(Map<String, Object> p) {
      if (!(left.value(p) instanceof Geometry a) || !(right.value(p) instanceof Geometry b)) {
        return Truth.UNKNOWN;
      }
      return Truth.of(SpatialRelation.test(op, a, b, prepared, rightPrepared));
    }
  }

  record And(List<Expr> args) implements Expr {
    public And {
      args = List.copyOf(args);
    }

    @Override
    public Truth eval(Map<String, Object> p) {
      boolean unknown = false;
      for (Expr e : args) {
        Truth t = e.eval(p);
        if (t == Truth.FALSE) {
          return Truth.FALSE;
        }
        unknown |= t == Truth.UNKNOWN;
      }
      return unknown ? Truth.UNKNOWN : Truth.TRUE;
    }
  }

  record Or(List<Expr> args) implements Expr {
    public Or {
      args = List.copyOf(args);
    }

    @Override
    public Truth eval(Map<String, Object> p) {
      boolean unknown = false;
      for (Expr e : args) {
        Truth t = e.eval(p);
        if (t == Truth.TRUE) {
          return Truth.TRUE;
        }
        unknown |= t == Truth.UNKNOWN;
      }
      return unknown ? Truth.UNKNOWN : Truth.FALSE;
    }
  }

  record Not(Expr arg) implements Expr {
    @Override
    public Truth eval(Map<String, Object> p) {
      return arg.eval(p).not();
    }
  }

  record Const(boolean value) implements Expr {
    @Override
    public Truth eval(Map<String, Object> p) {
      return Truth.of(value);
    }
  }

  /** {@code =, <>, <, <=, >, >=}. */
  record Compare(String op, Operand left, Operand right) implements Expr {
    @Override
    public Truth eval(Map<String, Object> p) {
      Integer c = compare(left.value(p), right.value(p));
      if (c == null) {
        return Truth.UNKNOWN;
      }
      return Truth.of(
          switch (op) {
            case "=" -> c == 0;
            case "<>" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> throw new IllegalStateException(op);
          });
    }
  }

  record Between(Operand value, Operand low, Operand high) implements Expr {
    @Override
    public Truth eval(Map<String, Object> p) {
      Integer lo = compare(value.value(p), low.value(p));
      Integer hi = compare(value.value(p), high.value(p));
      if (lo == null || hi == null) {
        return Truth.UNKNOWN;
      }
      return Truth.of(lo >= 0 && hi <= 0);
    }
  }

  record In(Operand value, List<Operand> list) implements Expr {
    public In {
      list = List.copyOf(list);
    }

    @Override
    public Truth eval(Map<String, Object> p) {
      Object v = value.value(p);
      if (v == null) {
        return Truth.UNKNOWN;
      }
      for (Operand o : list) {
        Integer c = compare(v, o.value(p));
        if (c != null && c == 0) {
          return Truth.TRUE;
        }
      }
      return Truth.FALSE;
    }
  }

  record IsNull(Operand value) implements Expr {
    @Override
    public Truth eval(Map<String, Object> p) {
      return Truth.of(value.value(p) == null);
    }
  }

  /** {@code %} any characters, {@code _} one, {@code \} escapes the next (CQL2 §8.1.1). */
  record Like(Operand value, String pattern, Pattern regex) implements Expr {
    static Like of(Operand value, String pattern) {
      StringBuilder re = new StringBuilder();
      for (int i = 0; i < pattern.length(); i++) {
        char ch = pattern.charAt(i);
        if (ch == '\\' && i + 1 < pattern.length()) {
          re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
        } else if (ch == '%') {
          re.append(".*");
        } else if (ch == '_') {
          re.append('.');
        } else {
          re.append(Pattern.quote(String.valueOf(ch)));
        }
      }
      return new Like(value, pattern, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    /** The pattern of a LIKE: a string, or a string in CASEI/ACCENTI (folded the same way). */
    static String pattern(Operand o) {
      if (o instanceof Literal l && l.value() instanceof String s) {
        return s;
      }
      if (o instanceof Insensitive i) {
        return Folding.fold(i.fn(), pattern(i.arg()));
      }
      throw Cql2.bad("the pattern of LIKE must be a string such as '83%'");
    }

    @Override
    public Truth eval(Map<String, Object> p) {
      Object v = value.value(p);
      return v == null ? Truth.UNKNOWN : Truth.of(regex.matcher(v.toString()).matches());
    }
  }

  /** Numbers by value, strings by code point, booleans false < true; null when either is null. */
  static Integer compare(Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    return a.toString().compareTo(b.toString());
  }
}
