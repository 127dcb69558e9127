package org.phaenthi.server;

import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The only place that reads arguments, environment and files. */
public final class Main {
  /** Below this -Xmx the start-up warns (README, "Memory"). */
  static final long MIN_HEAP_MIB = 1200;

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    Logger log = LoggerFactory.getLogger(Main.class);
    if (args.length > 0 && args[0].equals("admin")) {
      System.exit(
          org.phaenthi.server.admin.AdminCli.run(
              java.util.Arrays.copyOfRange(args, 1, args.length),
              System.getenv(),
              DataBootstrap::openAdminRecords,
              new java.io.PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
              new java.io.PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8)));
    }
    if (args.length > 0 && args[0].equals("bundle")) {
      System.exit(
          org.phaenthi.server.bundle.BundleCli.run(
              java.util.Arrays.copyOfRange(args, 1, args.length),
              System.getenv(),
              new java.io.PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
              new java.io.PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8)));
    }
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.print(Config.help());
      return;
    }
    Config config;
    Store store;
    try {
      config = Config.read(args, System.getenv());
      store = DataBootstrap.openStore(config.store());
      Dataset dataset = DataBootstrap.prepare(config, store);
      if (config.importOnly()) {
        log.info(
            "serving publication {} (data version {}); exiting (--import-only)",
            dataset.publication().id(),
            dataset.dataVersion());
        store.close();
        return;
      }
      long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
      if (heapMiB < MIN_HEAP_MIB) {
        log.warn(
            "the heap may grow to {} MiB only; the real data needs about 400 MiB live plus the"
                + " caches (--tile-cache-mb, --tile-identity-cache-mb, --export-topology-cache-mb)"
                + " and the downloads being built: start with java -Xmx{}m or more (README)",
            heapMiB,
            MIN_HEAP_MIB);
      }
      PhaenthiServer server = new PhaenthiServer(config, new LiveData(dataset), store).start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      Runtime rt = Runtime.getRuntime();
      log.info(
          "Phaenthi serving publication {} (data version {}) at http://localhost:{}/ (heap used {}"
              + " MB)",
          dataset.publication().id(),
          dataset.dataVersion(),
          server.port(),
          (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    } catch (Config.ConfigException | IllegalArgumentException | IllegalStateException e) {
      System.err.println("phaenthi: " + e.getMessage());
      System.err.println("Run with --help for the options.");
      System.exit(2);
    }
  }
}
