package org.phaenthi.server.bundle;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The API asked over HTTP on this node's own port: the bundle's files are then byte for byte what
 * the endpoints answer, through the same parameter checks, caches and JSON writers, with no second
 * copy of any of them.
 */
final class LoopbackApi implements BundleBuilder.Api {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;

  LoopbackApi(URI base) {
    this.base = base;
  }

  @Override
  public byte[] get(String pathAndQuery) throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofMinutes(2)).build();
    HttpResponse<byte[]> res;
    try {
      res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("bundle build interrupted", e);
    }
    if (res.statusCode() / 100 != 2) {
      throw new IOException(
          "GET /"
              + pathAndQuery
              + " answered "
              + res.statusCode()
              + ": "
              + new String(res.body(), StandardCharsets.UTF_8));
    }
    return res.body();
  }
}
