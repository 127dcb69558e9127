package org.phaenthi.server.ogc.cql2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.phaenthi.server.export.Crs;

/**
 * The {@link Expr} of a cql2-json filter ({@code {"op": "=", "args": [...]}}); geometry literals
 * are GeoJSON geometries or {@code {"bbox": [...]}} in {@code crs}.
 */
final class JsonBuilder {
  private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");

  private final Crs crs;

  JsonBuilder(Crs crs) {
    this.crs = crs;
  }

  Expr expr(JsonNode n) {
    if (n.isBoolean()) {
      return new Expr.Const(n.booleanValue());
    }
    if (!n.isObject() || !n.path("op").isTextual() || !n.path("args").isArray()) {
      throw Cql2.bad("cql2-json expects {\"op\": ..., \"args\": [...]}, not " + n);
    }
    String op = n.path("op").asText();
    JsonNode args = n.path("args");
    switch (op.toLowerCase(java.util.Locale.ROOT)) {
      case "and", "or" -> {
        if (args.size() < 2) {
          throw Cql2.bad("'" + op + "' needs at least 2 args");
        }
        List<Expr> es = new ArrayList<>();
        args.forEach(a -> es.add(expr(a)));
        return op.equalsIgnoreCase("and") ? new Expr.And(es) : new Expr.Or(es);
      }
      case "not" -> {
        arity(op, args, 1);
        return new Expr.Not(expr(args.get(0)));
      }
      case "like" -> {
        arity(op, args, 2);
        return Expr.Like.of(operand(args.get(0)), Expr.Like.pattern(operand(args.get(1))));
      }
      case "between" -> {
        arity(op, args, 3);
        return new Expr.Between(operand(args.get(0)), operand(args.get(1)), operand(args.get(2)));
      }
      case "in" -> {
        arity(op, args, 2);
        if (!args.get(1).isArray() || args.get(1).isEmpty()) {
          throw Cql2.bad("the second arg of 'in' must be a non-empty array");
        }
        List<Expr.Operand> list = new ArrayList<>();
        args.get(1).forEach(a -> list.add(operand(a)));
        return new Expr.In(operand(args.get(0)), list);
      }
      case "isnull" -> {
        arity(op, args, 1);
        return new Expr.IsNull(operand(args.get(0)));
      }
      default -> {
        if (SpatialRelation.FUNCTIONS.contains(op.toLowerCase(java.util.Locale.ROOT))) {
          arity(op, args, 2);
          return Expr.Spatial.of(op, geometry(args.get(0)), geometry(args.get(1)));
        }
        if (COMPARISONS.contains(op)) {
          arity(op, args, 2);
          return new Expr.Compare(op, operand(args.get(0)), operand(args.get(1)));
        }
        throw Cql2.bad(
            "unsupported operator '"
                + op
                + "' (Basic CQL2 with like, between, in, casei, accenti and the s_* spatial"
                + " functions: no temporal or array operators, no other functions)");
      }
    }
  }

  private static void arity(String op, JsonNode args, int n) {
    if (args.size() != n) {
      throw Cql2.bad("'" + op + "' needs " + n + " args, not " + args.size());
    }
  }

  /** A property or a geometry literal. */
  private Expr.Operand geometry(JsonNode n) {
    if (n.isObject() && n.size() == 1 && n.path("property").isTextual()) {
      return new Expr.Property(n.path("property").asText());
    }
    Geometry g = n.isObject() ? GeometryLiterals.json(n, crs) : null;
    if (g == null) {
      throw Cql2.bad(
          "the args of a spatial function are a {\"property\": name}, a GeoJSON geometry or"
              + " {\"bbox\": [...]}, not "
              + n);
    }
    return new Expr.Literal(g);
  }

  Expr.Operand operand(JsonNode n) {
    if (n.isObject() && n.size() == 1 && n.path("property").isTextual()) {
      return new Expr.Property(n.path("property").asText());
    }
    if (n.isObject() && n.path("op").isTextual() && n.path("args").isArray()) {
      String fn = n.path("op").asText().toLowerCase(java.util.Locale.ROOT);
      if (fn.equals("casei") || fn.equals("accenti")) {
        arity(fn, n.path("args"), 1);
        return new Expr.Insensitive(fn, operand(n.path("args").get(0)));
      }
      throw Cql2.bad("unsupported function '" + n.path("op").asText() + "' as an operand");
    }
    if (n.isTextual()) {
      return new Expr.Literal(n.asText());
    }
    if (n.isNumber()) {
      return new Expr.Literal(n.doubleValue());
    }
    if (n.isBoolean()) {
      return new Expr.Literal(n.booleanValue());
    }
    throw Cql2.bad(
        "unsupported operand "
            + n
            + " (a {\"property\": name}, string, number, boolean, casei or accenti)");
  }
}
