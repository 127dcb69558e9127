package org.phaenthi.boundaries.store;

/** The few places where the embedded H2 store and PostgreSQL differ in SQL. */
public enum SqlDialect {
  H2("BLOB", "DOUBLE PRECISION", "CLOB"),
  POSTGRESQL("BYTEA", "DOUBLE PRECISION", "TEXT");

  final String blob;
  final String dbl;
  final String text;

  SqlDialect(String blob, String dbl, String text) {
    this.blob = blob;
    this.dbl = dbl;
    this.text = text;
  }
}
