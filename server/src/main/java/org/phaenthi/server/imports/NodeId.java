package org.phaenthi.server.imports;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Names this node among the nodes of a store, and says where it answers. */
public final class NodeId {
  // one generator, seeded once, for every id this process makes
  private static final SecureRandom RANDOM = new SecureRandom();

  private NodeId() {}

  /** The host name and a random suffix: a restarted node is a new node (its jobs are gone). */
  public static String random() {
    byte[] b = new byte[4];
    RANDOM.nextBytes(b);
    return hostName() + "-" + HexFormat.of().formatHex(b);
  }

  /** {@code http://host:port}, the host name standing for a wildcard listen address. */
  public static String url(String listenHost, int port) {
    String host =
        listenHost == null
                || listenHost.isBlank()
                || listenHost.equals("0.0.0.0")
                || listenHost.equals("::")
            ? hostName()
            : listenHost;
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
