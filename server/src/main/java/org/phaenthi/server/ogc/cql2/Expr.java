package org.phaenthi.server.ogc.cql2;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed CQL2 filter: the same tree from cql2-text and cql2-json. {@link #test} evaluates it on
 * one feature's properties with SQL's three-valued logic: a comparison with a missing (null) value
 * is unknown, never true, so {@code value < 10} does not select areas without data.
 */
public sealed interface Expr {
  /** TRUE, FALSE, or null for unknown. */
  Boolean eval(Map<String, Object> p);

  /** Whether the feature passes: only a definite TRUE does. */
  default boolean test(Map<String, Object> p) {
    return Boolean.TRUE.equals(eval(p));
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

  /** A string, a number (as Double) or a boolean. */
  record Literal(Object value) implements Operand {
    @Override
    public Object value(Map<String, Object> p) {
      return value;
    }
  }

  record And(List<Expr> args) implements Expr {
    @Override
    public Boolean eval(Map<String, Object> p) {
      boolean unknown = false;
      for (Expr e : args) {
        Boolean b = e.eval(p);
        if (Boolean.FALSE.equals(b)) {
          return false;
        }
        unknown |= b == null;
      }
      return unknown ? null : true;
    }
  }

  record Or(List<Expr> args) implements Expr {
    @Override
    public Boolean eval(Map<String, Object> p) {
      boolean unknown = false;
      for (Expr e : args) {
        Boolean b = e.eval(p);
        if (Boolean.TRUE.equals(b)) {
          return true;
        }
        unknown |= b == null;
      }
      return unknown ? null : false;
    }
  }

  record Not(Expr arg) implements Expr {
    @Override
    public Boolean eval(Map<String, Object> p) {
      Boolean b = arg.eval(p);
      return b == null ? null : !b;
    }
  }

  record Const(boolean value) implements Expr {
    @Override
    public Boolean eval(Map<String, Object> p) {
      return value;
    }
  }

  /** {@code =, <>, <, <=, >, >=}. */
  record Compare(String op, Operand left, Operand right) implements Expr {
    @Override
    public Boolean eval(Map<String, Object> p) {
      Integer c = compare(left.value(p), right.value(p));
      if (c == null) {
        return null;
      }
      return switch (op) {
        case "=" -> c == 0;
        case "<>" -> c != 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        case ">=" -> c >= 0;
        default -> throw new IllegalStateException(op);
      };
    }
  }

  record Between(Operand value, Operand low, Operand high) implements Expr {
    @Override
    public Boolean eval(Map<String, Object> p) {
      Integer lo = compare(value.value(p), low.value(p));
      Integer hi = compare(value.value(p), high.value(p));
      if (lo == null || hi == null) {
        return null;
      }
      return lo >= 0 && hi <= 0;
    }
  }

  record In(Operand value, List<Operand> list) implements Expr {
    @Override
    public Boolean eval(Map<String, Object> p) {
      Object v = value.value(p);
      if (v == null) {
        return null;
      }
      for (Operand o : list) {
        Integer c = compare(v, o.value(p));
        if (c != null && c == 0) {
          return true;
        }
      }
      return false;
    }
  }

  record IsNull(Operand value) implements Expr {
    @Override
    public Boolean eval(Map<String, Object> p) {
      return value.value(p) == null;
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

    @Override
    public Boolean eval(Map<String, Object> p) {
      Object v = value.value(p);
      return v == null ? null : regex.matcher(v.toString()).matches();
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
