package org.phaenthi.server;

/**
 * A client-facing error: mapped in one place to {@code {"status":..., "message":...}}, with {@code
 * "message_th"} when the error has a Thai text (the admin API's refusals).
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String messageTh;

  public ApiException(int status, String message) {
    this(status, message, null);
  }

  public ApiException(int status, String message, String messageTh) {
    super(message);
    this.status = status;
    this.messageTh = messageTh;
  }

  public int status() {
    return status;
  }

  /** The message in Thai, or null. */
  public String messageTh() {
    return messageTh;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  public static ApiException unavailable(String message) {
    return new ApiException(503, message);
  }
}
