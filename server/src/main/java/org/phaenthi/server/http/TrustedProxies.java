package org.phaenthi.server.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Honours {@code Forwarded} and {@code X-Forwarded-*} (through Jetty's {@link
 * ForwardedRequestCustomizer}) only on connections from a configured proxy address or range; from
 * anyone else they are ignored, so a client cannot choose the scheme or host the server writes into
 * its links. What a trusted proxy forwards is validated too: a scheme other than {@code http} or
 * {@code https}, or a host that is not a host name or IP literal, is a 400.
 */
public final class TrustedProxies implements HttpConfiguration.Customizer {
  private static final Pattern HOST =
      Pattern.compile(
          "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?|\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f:.]+");
  private static final Pattern LITERAL =
      Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]{1,3})?|[0-9.]+-[0-9.]+");

  private final InetAddressSet trusted = new InetAddressSet();
  private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

  /**
   * @param addresses IP literals or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}); no host names,
   *     so start-up never depends on DNS
   * @throws IllegalArgumentException for an entry that is not such a literal
   */
  public TrustedProxies(List<String> addresses) {
    for (String a : addresses) {
      if (!LITERAL.matcher(a).matches()) {
        throw new IllegalArgumentException(
            "--trusted-proxies takes IP addresses or CIDR ranges such as 10.0.0.0/8, not '"
                + a
                + "'");
      }
      try {
        trusted.add(a);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--trusted-proxies: '" + a + "' is not an IP address or CIDR range");
      }
    }
  }

  public boolean isEmpty() {
    return trusted.isEmpty();
  }

  /** Whether connections from this address may set the forwarded headers. */
  public boolean trusts(SocketAddress remote) {
    if (trusted.isEmpty() || !(remote instanceof InetSocketAddress inet)) {
      return false;
    }
    InetAddress address = inet.getAddress();
    return address != null && trusted.test(address);
  }

  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    if (!trusts(request.getConnectionMetaData().getRemoteSocketAddress())) {
      return request;
    }
    Request r = forwarded.customize(request, responseHeaders);
    HttpURI uri = r.getHttpURI();
    String scheme = uri.getScheme();
    if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
      throw new BadMessageException(
          400,
          "the forwarded scheme must be http or https (X-Forwarded-Proto or Forwarded proto=)");
    }
    String host = uri.getHost();
    if (host != null && !HOST.matcher(host).matches()) {
      throw new BadMessageException(
          400,
          "the forwarded host must be a host name or IP address (X-Forwarded-Host or Forwarded host=)");
    }
    return r;
  }
}
