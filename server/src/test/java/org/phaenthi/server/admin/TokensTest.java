package org.phaenthi.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The token format and its BCrypt hash. */
class TokensTest {
  @Test
  void aTokenIsItsPublicIdAndASecretStoredOnlyAsABcryptHash() {
    Tokens.NewToken t = Tokens.create("phitsanulok-office", "65");
    assertTrue(t.token().startsWith("pht_" + t.record().id() + "_"), t.token());
    Tokens.Parsed p = Tokens.parse(t.token()).orElseThrow();
    assertEquals(t.record().id(), p.id());
    assertTrue(t.record().hash().startsWith("$2"), "a BCrypt hash: " + t.record().hash());
    assertFalse(t.record().hash().contains(p.secret()));
    assertTrue(Tokens.matches(t.record().hash(), p.secret()));
    assertFalse(Tokens.matches(t.record().hash(), p.secret() + "x"));
    assertFalse(Tokens.matches(t.record().hash(), p.secret().substring(1)));
    assertEquals("65", t.record().scope());
    assertFalse(t.record().revoked());
  }

  @Test
  void twoTokensShareNothing() {
    Tokens.NewToken a = Tokens.create("a", "all");
    Tokens.NewToken b = Tokens.create("b", "all");
    assertNotEquals(a.record().id(), b.record().id());
    assertNotEquals(a.token(), b.token());
    assertFalse(Tokens.matches(a.record().hash(), Tokens.parse(b.token()).orElseThrow().secret()));
  }

  @Test
  void badShapesAreNotTokens() {
    assertTrue(Tokens.parse(null).isEmpty());
    assertTrue(Tokens.parse("s3cret").isEmpty());
    assertTrue(Tokens.parse("pht_0123456789abcdef").isEmpty());
    assertTrue(Tokens.parse("pht_0123456789ABCDEF_x").isEmpty());
    assertTrue(Tokens.parse("pht_0123456789abcdefxx").isEmpty());
    assertTrue(Tokens.parse("pht_0123456789abcdef_x").isPresent());
    assertFalse(Tokens.matches("not a hash", "x"));
  }

  @Test
  void namesAndScopesAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> Tokens.create("office", "6"));
    assertThrows(IllegalArgumentException.class, () -> Tokens.create("office", "ALL"));
    assertThrows(IllegalArgumentException.class, () -> Tokens.create(" ", "65"));
    assertThrows(IllegalArgumentException.class, () -> Tokens.create("a\nb", "65"));
    assertThrows(IllegalArgumentException.class, () -> Tokens.create("admin", "all"));
    assertEquals("สนง. พช. พิษณุโลก", Tokens.create("สนง. พช. พิษณุโลก", "65").record().name());
  }
}
