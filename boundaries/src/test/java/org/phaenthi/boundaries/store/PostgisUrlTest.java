package org.phaenthi.boundaries.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PostgisUrlTest {
  @Test
  void postgresqlUrlIsSplitIntoJdbcUrlAndCredentials() {
    PostgisUrl u =
        PostgisUrl.parse("postgresql://map:p%40ss:w@db.local:5433/phaenthi?sslmode=require");
    assertEquals("jdbc:postgresql://db.local:5433/phaenthi?sslmode=require", u.jdbcUrl());
    assertEquals("map", u.user());
    assertEquals("p@ss:w", u.password());
    assertEquals("postgresql://map@db.local:5433/phaenthi?sslmode=require", u.redacted());
    assertFalse(u.toString().contains("p@ss"));
  }

  @Test
  void jdbcUrlLosesItsCredentialParameters() {
    PostgisUrl u =
        PostgisUrl.parse("jdbc:postgresql://h/db?user=map&password=secret&ApplicationName=x");
    assertEquals("jdbc:postgresql://h/db?ApplicationName=x", u.jdbcUrl());
    assertEquals("map", u.user());
    assertEquals("secret", u.password());
    assertFalse(u.redacted().contains("secret"));
  }

  @Test
  void defaultsWhenPartsAreMissing() {
    PostgisUrl u = PostgisUrl.parse("postgres://h");
    assertEquals("jdbc:postgresql://h/postgres", u.jdbcUrl());
    assertNull(u.user());
    assertNull(u.password());
  }

  @Test
  void otherSchemesAreRejectedWithoutShowingThePassword() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PostgisUrl.parse("mysql://u:pw@h/db"));
    assertFalse(e.getMessage().contains("pw@"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PostgisUrl.parse(" "));
  }
}
