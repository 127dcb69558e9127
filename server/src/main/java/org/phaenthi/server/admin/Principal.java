package org.phaenthi.server.admin;

import java.util.Objects;

/**
 * Who made an admin request: the token's name and its scope, {@code all} or the two-digit code of
 * the one province whose rows the token may upload and publish. A parent's code is the prefix of
 * its children's, so "under its province" is a prefix test.
 */
public record Principal(String name, String scope) {
  /** The scope of a token that may do everything. */
  public static final String ALL = "all";

  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    if (!scope.equals(ALL) && !scope.matches("[0-9]{2}")) {
      throw new IllegalArgumentException(
          "scope must be 'all' or a two-digit province code, not '" + scope + "'");
    }
  }

  /** True for a token that may manage indicator sets, publications and rollback. */
  public boolean isAll() {
    return scope.equals(ALL);
  }

  /** True when this principal may write rows of the area with this code. */
  public boolean covers(String areaCode) {
    return isAll() || areaCode.startsWith(scope);
  }
}
