package org.phaenthi.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.phaenthi.boundaries.store.TokenRecord;

/**
 * Admin tokens: {@code pht_<id>_<secret>}, where the id (16 hex digits) is public and names the
 * stored record, so a lookup needs no scan of hashes, and the secret (32 random bytes, base64url)
 * is stored only as a BCrypt hash (Bouncy Castle's {@link OpenBSDBCrypt}, cost {@value #COST}).
 */
public final class Tokens {
  static final String PREFIX = "pht_";
  static final int COST = 10;

  /** The principal name of the bootstrap {@code --admin-token}. */
  public static final String BOOTSTRAP_NAME = "admin";

  private static final int ID_HEX = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** A token just made: the text to hand over once, and the record to store. */
  public record NewToken(String token, TokenRecord record) {}

  /** The two parts of a presented token. */
  record Parsed(String id, String secret) {}

  /** Makes a token for {@code name} of {@code scope}; IllegalArgumentException for bad input. */
  public static NewToken create(String name, String scope) {
    checkName(name);
    new Principal(name, scope); // validates the scope
    byte[] idBytes = new byte[ID_HEX / 2];
    byte[] secretBytes = new byte[32];
    byte[] salt = new byte[16];
    RANDOM.nextBytes(idBytes);
    RANDOM.nextBytes(secretBytes);
    RANDOM.nextBytes(salt);
    String id = HexFormat.of().formatHex(idBytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    String hash = OpenBSDBCrypt.generate(secret.toCharArray(), salt, COST);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new NewToken(
        PREFIX + id + "_" + secret, new TokenRecord(id, name, scope, hash, now, null));
  }

  static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a token needs a --name");
    }
    if (name.length() > 64 || !name.matches("[\\p{L}\\p{M}\\p{N}._@ -]+")) {
      throw new IllegalArgumentException(
          "a token name is at most 64 letters, digits, spaces and . _ @ -, not '" + name + "'");
    }
    if (name.equals(BOOTSTRAP_NAME)) {
      throw new IllegalArgumentException(
          "'" + BOOTSTRAP_NAME + "' is the name of the --admin-token; pick another name");
    }
  }

  /** The id and secret of a presented token, or empty when it does not have the token's shape. */
  static Optional<Parsed> parse(String token) {
    if (token == null
        || !token.startsWith(PREFIX)
        || token.length() < PREFIX.length() + ID_HEX + 2
        || token.charAt(PREFIX.length() + ID_HEX) != '_') {
      return Optional.empty();
    }
    String id = token.substring(PREFIX.length(), PREFIX.length() + ID_HEX);
    if (!id.matches("[0-9a-f]+")) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(id, token.substring(PREFIX.length() + ID_HEX + 1)));
  }

  /**
   * Whether the secret matches the stored BCrypt hash (compared by the library in constant time).
   */
  static boolean matches(String hash, String secret) {
    try {
      return OpenBSDBCrypt.checkPassword(hash, secret.toCharArray());
    } catch (IllegalArgumentException e) {
      return false; // a damaged hash in the store matches nothing
    }
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
