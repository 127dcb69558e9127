package org.phaenthi.server.ogc.cql2;

import java.util.ArrayList;
import java.util.List;
import org.phaenthi.server.export.Crs;

/** The {@link Expr} of a cql2-text parse tree; geometry literals are read in {@code crs}. */
final class TextBuilder extends Cql2BaseVisitor<Expr> {
  private final Crs crs;

  TextBuilder(Crs crs) {
    this.crs = crs;
  }

  @Override
  public Expr visitFilter(Cql2Parser.FilterContext ctx) {
    return visit(ctx.booleanExpression());
  }

  @Override
  public Expr visitBooleanExpression(Cql2Parser.BooleanExpressionContext ctx) {
    List<Expr> terms = new ArrayList<>();
    ctx.booleanTerm().forEach(t -> terms.add(visit(t)));
    return terms.size() == 1 ? terms.get(0) : new Expr.Or(terms);
  }

  @Override
  public Expr visitBooleanTerm(Cql2Parser.BooleanTermContext ctx) {
    List<Expr> factors = new ArrayList<>();
    ctx.booleanFactor().forEach(f -> factors.add(visit(f)));
    return factors.size() == 1 ? factors.get(0) : new Expr.And(factors);
  }

  @Override
  public Expr visitBooleanFactor(Cql2Parser.BooleanFactorContext ctx) {
    Expr e = visit(ctx.booleanPrimary());
    return ctx.NOT() != null ? new Expr.Not(e) : e;
  }

  @Override
  public Expr visitParenthesized(Cql2Parser.ParenthesizedContext ctx) {
    return visit(ctx.booleanExpression());
  }

  @Override
  public Expr visitPredicatePrimary(Cql2Parser.PredicatePrimaryContext ctx) {
    return visit(ctx.predicate());
  }

  @Override
  public Expr visitLiteralPrimary(Cql2Parser.LiteralPrimaryContext ctx) {
    return new Expr.Const(ctx.booleanLiteral().TRUE() != null);
  }

  @Override
  public Expr visitBinaryComparison(Cql2Parser.BinaryComparisonContext ctx) {
    return new Expr.Compare(ctx.op.getText(), operand(ctx.scalar(0)), operand(ctx.scalar(1)));
  }

  @Override
  public Expr visitLikePredicate(Cql2Parser.LikePredicateContext ctx) {
    String pattern = Expr.Like.pattern(operand(ctx.scalar(1)));
    return not(ctx.NOT() != null, Expr.Like.of(operand(ctx.scalar(0)), pattern));
  }

  @Override
  public Expr visitBetweenPredicate(Cql2Parser.BetweenPredicateContext ctx) {
    return not(
        ctx.NOT() != null,
        new Expr.Between(operand(ctx.scalar(0)), operand(ctx.scalar(1)), operand(ctx.scalar(2))));
  }

  @Override
  public Expr visitInPredicate(Cql2Parser.InPredicateContext ctx) {
    List<Expr.Operand> list = new ArrayList<>();
    for (int i = 1; i < ctx.scalar().size(); i++) {
      list.add(operand(ctx.scalar(i)));
    }
    return not(ctx.NOT() != null, new Expr.In(operand(ctx.scalar(0)), list));
  }

  @Override
  public Expr visitIsNullPredicate(Cql2Parser.IsNullPredicateContext ctx) {
    return not(ctx.NOT() != null, new Expr.IsNull(operand(ctx.scalar())));
  }

  @Override
  public Expr visitSpatialPredicate(Cql2Parser.SpatialPredicateContext ctx) {
    return Expr.Spatial.of(
        ctx.SPATIAL_FUNCTION().getText(),
        geometry(ctx.geomExpression(0)),
        geometry(ctx.geomExpression(1)));
  }

  private Expr.Operand geometry(Cql2Parser.GeomExpressionContext ctx) {
    if (ctx instanceof Cql2Parser.PropertyGeometryContext p) {
      return property(p.propertyName());
    }
    String wkt = ((Cql2Parser.LiteralGeometryContext) ctx).GEOMETRY_LITERAL().getText();
    return new Expr.Literal(GeometryLiterals.wkt(wkt, crs));
  }

  private static Expr.Operand property(Cql2Parser.PropertyNameContext ctx) {
    String name = ctx.getText();
    if (name.startsWith("\"")) {
      name = name.substring(1, name.length() - 1);
    }
    return new Expr.Property(name);
  }

  private static Expr not(boolean not, Expr e) {
    return not ? new Expr.Not(e) : e;
  }

  static Expr.Operand operand(Cql2Parser.ScalarContext ctx) {
    if (ctx instanceof Cql2Parser.PropertyScalarContext p) {
      return property(p.propertyName());
    }
    if (ctx instanceof Cql2Parser.InsensitiveScalarContext f) {
      return new Expr.Insensitive(
          f.fn.getText().toLowerCase(java.util.Locale.ROOT), operand(f.scalar()));
    }
    if (ctx instanceof Cql2Parser.StringScalarContext s) {
      String t = s.STRING().getText();
      return new Expr.Literal(t.substring(1, t.length() - 1).replace("''", "'"));
    }
    if (ctx instanceof Cql2Parser.NumberScalarContext n) {
      return new Expr.Literal(Double.parseDouble(n.NUMBER().getText()));
    }
    Cql2Parser.BooleanScalarContext b = (Cql2Parser.BooleanScalarContext) ctx;
    return new Expr.Literal(b.booleanLiteral().TRUE() != null);
  }
}
