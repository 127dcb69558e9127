package org.phaenthi.server.ogc.cql2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.export.Crs;

/**
 * Parses the items' {@code filter} in cql2-text (the ANTLR grammar {@code Cql2.g4}) or cql2-json
 * into one {@link Expr} tree and checks it against the queryables: unknown properties, a string
 * compared with a number, LIKE on a number, and every operator outside Basic CQL2 + LIKE / BETWEEN
 * / IN are a 400 whose message names the parameter and the token.
 */
public final class Cql2 {
  public static final String TEXT = "cql2-text";
  public static final String JSON = "cql2-json";

  /** The JSON type of a queryable. */
  public enum Type {
    STRING,
    NUMBER,
    BOOLEAN,
    GEOMETRY
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Cql2() {}

  /**
   * @param lang {@value #TEXT} (also when null) or {@value #JSON}
   * @param queryables the properties a filter may name, with their types
   */
  public static Expr parse(String filter, String lang, Map<String, Type> queryables) {
    return parse(filter, lang, queryables, Crs.CRS84);
  }

  /**
   * @param filterCrs the CRS of the geometry literals ({@code filter-crs}), reprojected to CRS84
   */
  public static Expr parse(
      String filter, String lang, Map<String, Type> queryables, Crs filterCrs) {
    if (filter.isBlank()) {
      throw bad("is empty");
    }
    Expr e;
    if (lang == null || lang.equals(TEXT)) {
      e = text(filter, filterCrs);
    } else if (lang.equals(JSON)) {
      e = json(filter, filterCrs);
    } else {
      throw ApiException.badRequest(
          "parameter 'filter-lang' must be " + TEXT + " or " + JSON + ", not '" + lang + "'");
    }
    new Checker(queryables).check(e);
    return e;
  }

  static ApiException bad(String what) {
    return ApiException.badRequest("parameter 'filter': " + what);
  }

  static Expr text(String filter, Crs crs) {
    Cql2Lexer lexer = new Cql2Lexer(CharStreams.fromString(filter));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    List<Token> all = tokens.getTokens();
    for (int i = 0; i + 1 < all.size(); i++) {
      if (all.get(i).getType() == Cql2Lexer.IDENTIFIER
          && all.get(i + 1).getType() == Cql2Lexer.LPAREN) {
        throw bad(
            "unsupported function or operator '"
                + all.get(i).getText()
                + "' at character "
                + (all.get(i).getCharPositionInLine() + 1)
                + " (Basic CQL2 with LIKE, BETWEEN, IN, CASEI, ACCENTI and the S_* spatial"
                + " functions: no temporal or array operators, no other functions)");
      }
    }
    Cql2Parser parser = new Cql2Parser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(
        new BaseErrorListener() {
          @Override
          public void syntaxError(
              Recognizer<?, ?> r,
              Object offending,
              int line,
              int col,
              String msg,
              RecognitionException ex) {
            String token =
                offending instanceof Token t
                    ? (t.getType() == Token.EOF ? "end of filter" : "'" + t.getText() + "'")
                    : "?";
            throw bad(
                "unexpected " + token + " at character " + (col + 1) + " of '" + filter + "'");
          }
        });
    return new TextBuilder(crs).visit(parser.filter());
  }

  static Expr json(String filter, Crs crs) {
    JsonNode n;
    try {
      n = MAPPER.readTree(filter);
    } catch (java.io.IOException e) {
      throw bad("is not JSON (filter-lang=" + JSON + ")");
    }
    return new JsonBuilder(crs).expr(n);
  }

  /** Types every operand and refuses mismatches. */
  private record Checker(Map<String, Type> queryables) {
    void check(Expr e) {
      if (e instanceof Expr.And a) {
        a.args().forEach(this::check);
      } else if (e instanceof Expr.Or o) {
        o.args().forEach(this::check);
      } else if (e instanceof Expr.Not n) {
        check(n.arg());
      } else if (e instanceof Expr.IsNull n) {
        type(n.value());
      } else if (e instanceof Expr.Compare c) {
        same(c.op(), List.of(c.left(), c.right()));
      } else if (e instanceof Expr.Between b) {
        same("BETWEEN", List.of(b.value(), b.low(), b.high()));
        if (type(b.value()) == Type.BOOLEAN) {
          throw bad("BETWEEN needs numbers or strings, not booleans");
        }
      } else if (e instanceof Expr.In in) {
        List<Expr.Operand> all = new ArrayList<>(List.of(in.value()));
        all.addAll(in.list());
        same("IN", all);
      } else if (e instanceof Expr.Like l) {
        if (type(l.value()) != Type.STRING) {
          throw bad("LIKE needs a string property, not " + describe(l.value()));
        }
      } else if (e instanceof Expr.Spatial sp) {
        for (Expr.Operand o : List.of(sp.left(), sp.right())) {
          if (type(o) != Type.GEOMETRY) {
            throw bad(
                sp.op().toUpperCase(java.util.Locale.ROOT)
                    + " needs geometries, not "
                    + describe(o)
                    + " (the geometry property is 'geometry')");
          }
        }
      }
    }

    void same(String op, List<Expr.Operand> ops) {
      Type first = type(ops.get(0));
      for (Expr.Operand o : ops) {
        if (type(o) == Type.GEOMETRY) {
          throw bad(
              describe(o) + " is a geometry: compare geometries with S_EQUALS, S_INTERSECTS …");
        }
      }
      for (Expr.Operand o : ops.subList(1, ops.size())) {
        if (type(o) != first) {
          throw bad(
              describe(ops.get(0))
                  + " is a "
                  + first.name().toLowerCase()
                  + " but is compared ("
                  + op
                  + ") with "
                  + describe(o)
                  + ", a "
                  + type(o).name().toLowerCase()
                  + (first == Type.STRING ? " (codes are strings: quote them, '83')" : ""));
        }
      }
    }

    Type type(Expr.Operand o) {
      if (o instanceof Expr.Property p) {
        Type t = queryables.get(p.name());
        if (t == null) {
          throw bad(
              "unknown property '"
                  + p.name()
                  + "'; queryables: "
                  + new ArrayList<>(queryables.keySet())
                  + " (value properties need parameter 'indicator')");
        }
        return t;
      }
      if (o instanceof Expr.Insensitive i) {
        if (type(i.arg()) != Type.STRING) {
          throw bad(
              i.fn().toUpperCase(java.util.Locale.ROOT)
                  + " needs a string, not "
                  + describe(i.arg()));
        }
        return Type.STRING;
      }
      Object v = ((Expr.Literal) o).value();
      return v instanceof String
          ? Type.STRING
          : v instanceof Boolean
              ? Type.BOOLEAN
              : v instanceof org.locationtech.jts.geom.Geometry ? Type.GEOMETRY : Type.NUMBER;
    }

    static String describe(Expr.Operand o) {
      if (o instanceof Expr.Property p) {
        return "property '" + p.name() + "'";
      }
      if (o instanceof Expr.Insensitive i) {
        return i.fn().toUpperCase(java.util.Locale.ROOT) + "(" + describe(i.arg()) + ")";
      }
      Object v = ((Expr.Literal) o).value();
      if (v instanceof org.locationtech.jts.geom.Geometry g) {
        return "a " + g.getGeometryType() + " literal";
      }
      return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
  }
}
