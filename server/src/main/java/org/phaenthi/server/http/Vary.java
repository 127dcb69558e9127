package org.phaenthi.server.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Adds to a response's {@code Vary} without replacing what is there: {@link PublicCors} puts {@code
 * Origin} in before any handler runs, and a handler's own {@code Vary: Accept-Encoding} must not
 * take it away.
 */
public final class Vary {
  private Vary() {}

  public static void add(Context ctx, String header) {
    HttpServletResponse res = ctx.res();
    for (String field : res.getHeaders("Vary")) {
      for (String token : field.split(",")) {
        if (token.trim().equalsIgnoreCase(header) || token.trim().equals("*")) {
          return;
        }
      }
    }
    res.addHeader("Vary", header);
  }
}
