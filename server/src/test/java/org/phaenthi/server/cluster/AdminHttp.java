package org.phaenthi.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.phaenthi.server.Json;

/** The admin API's calls, against a node on 127.0.0.1 ({@link #at} a port, or a child). */
abstract class AdminHttp {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  abstract int port();

  static AdminHttp at(int port) {
    return new AdminHttp() {
      @Override
      int port() {
        return port;
      }
    };
  }

  HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return send(r.GET().build());
  }

  JsonNode json(String path, String token) {
    HttpResponse<String> r = get(path, token);
    if (r.statusCode() != 200) {
      throw new AssertionError(path + ": " + r.statusCode() + " " + r.body());
    }
    try {
      return Json.MAPPER.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> post(String path, String token, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** {@code POST /admin/api/imports}; returns the job's id. */
  String upload(String token, String fileName, String csv, String query) {
    HttpResponse<String> r =
        post(
            "/admin/api/imports?filename=" + fileName + query,
            token,
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8));
    if (r.statusCode() != 202) {
      throw new AssertionError("upload: " + r.statusCode() + " " + r.body());
    }
    try {
      return Json.MAPPER.readTree(r.body()).get("id").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls the job until its phase is one of {@code phases}; returns the job. */
  JsonNode awaitPhase(String id, String token, long timeoutMs, String... phases)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    JsonNode j = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = get("/admin/api/imports/" + id, token);
      if (r.statusCode() == 200) {
        try {
          j = Json.MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
        if (List.of(phases).contains(j.get("phase").asText())) {
          return j;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "job " + id + " is not " + List.of(phases) + " after " + timeoutMs + " ms: " + j);
  }

  private static HttpResponse<String> send(HttpRequest r) {
    try {
      return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(r.uri() + ": " + e, e);
    }
  }
}
