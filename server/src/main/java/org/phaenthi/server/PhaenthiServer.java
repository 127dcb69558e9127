package org.phaenthi.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.admin.AdminApiHandler;
import org.phaenthi.server.admin.AdminAuth;
import org.phaenthi.server.admin.AuditLog;
import org.phaenthi.server.admin.StoredAuditLog;
import org.phaenthi.server.admin.TokenAuth;
import org.phaenthi.server.api.AreaValuesHandler;
import org.phaenthi.server.api.GeometryHandler;
import org.phaenthi.server.api.HealthHandler;
import org.phaenthi.server.api.IndicatorsHandler;
import org.phaenthi.server.api.LevelsHandler;
import org.phaenthi.server.api.MetaHandler;
import org.phaenthi.server.api.ReadyHandler;
import org.phaenthi.server.api.SearchHandler;
import org.phaenthi.server.api.ValuesHandler;
import org.phaenthi.server.cluster.AdminImportHandler;
import org.phaenthi.server.cluster.PublicationsHandler;
import org.phaenthi.server.cluster.StoreGate;
import org.phaenthi.server.cluster.StoreHealth;
import org.phaenthi.server.cluster.VersionFollower;
import org.phaenthi.server.export.ExportAdmission;
import org.phaenthi.server.export.ExportHandler;
import org.phaenthi.server.export.ExportSpool;
import org.phaenthi.server.export.PmtilesHandler;
import org.phaenthi.server.export.TopologyCache;
import org.phaenthi.server.http.ClientLimits;
import org.phaenthi.server.http.CommittedResponses;
import org.phaenthi.server.http.HeadAsGet;
import org.phaenthi.server.http.JsonErrorHandler;
import org.phaenthi.server.http.MetricsGate;
import org.phaenthi.server.http.PublicCors;
import org.phaenthi.server.http.PublicUrls;
import org.phaenthi.server.http.SecurityHeaders;
import org.phaenthi.server.http.TrustedProxies;
import org.phaenthi.server.imports.ImportJobs;
import org.phaenthi.server.imports.ImportsHandler;
import org.phaenthi.server.imports.JobRecords;
import org.phaenthi.server.imports.NodeId;
import org.phaenthi.server.ogc.CollectionsHandler;
import org.phaenthi.server.ogc.ItemsHandler;
import org.phaenthi.server.ogc.RootHandler;
import org.phaenthi.server.ogc.SchemaHandler;
import org.phaenthi.server.tiles.RenderWarmup;
import org.phaenthi.server.tiles.TileCache;
import org.phaenthi.server.tiles.TileFastPath;
import org.phaenthi.server.tiles.TileHandler;
import org.phaenthi.server.tiles.TileJsonHandler;
import org.phaenthi.server.tiles.TilePyramid;
import org.phaenthi.server.tiles.TileRenderer;
import org.phaenthi.tiles.TileGeometryPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin application. {@link #routes} is the one place listing every route; errors map to JSON
 * in {@link #errors}; one access-log line per request.
 */
public final class PhaenthiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PhaenthiServer.class);

  private final Config config;
  private final LiveData live;
  private final Store store;
  private final Javalin app;
  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final TileCache tileCache;
  private final java.util.concurrent.ExecutorService pyramidWorker =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tile-pyramid");
            t.setDaemon(true);
            return t;
          });
  private final ResponseCache responses;
  private final StoreHealth storeHealth;
  private final VersionFollower follower;
  private final AccessLog accessLog = new AccessLog();
  private volatile boolean tileFastPath = true;
  private final SecurityHeaders securityHeaders;
  private final Readiness readiness = new Readiness();
  private final TileFastPath fastPath;
  private final TrustedProxies trustedProxies;
  private final ClientLimits clientLimits;
  private final MetricsGate metricsGate;
  private final AdminAuth adminAuth;
  private final AuditLog audit;
  private final ImportJobs importJobs;
  private ServerConnector metricsConnector;
  private final ExportAdmission exportAdmission;
  private final TopologyCache topologies;
  private final ExportSpool exportSpool;

  public PhaenthiServer(Config config, LiveData live, Store store) {
    this.config = config;
    this.live = live;
    this.store = store;
    new JvmMemoryMetrics().bindTo(meters);
    new JvmGcMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    TileGeometryPipeline pipeline =
        new TileGeometryPipeline(config.tiles().extentPixels(), config.tiles().bufferPixels());
    TileRenderer renderer = new TileRenderer(live, pipeline);
    this.tileCache =
        new TileCache(
            config.tiles().cacheMaxBytes(),
            config.tiles().identityCacheMaxBytes(),
            renderer,
            renderer,
            meters);
    this.responses = new ResponseCache(64L * 1024 * 1024, config.tiles().cacheControl());
    live.onReplace(s -> tileCache.retainVersions(s.liveVersions()));
    live.onReplace(this::preparePyramidLater);
    live.onReplace(PhaenthiServer::decodeGeometryLater);
    this.storeHealth = new StoreHealth(store, live);
    this.follower = new VersionFollower(store, live, live.claimSwap());
    this.adminAuth =
        new TokenAuth(config.admin().token(), store.adminRecords(), Duration.ofSeconds(2));
    this.audit = new StoredAuditLog(store.adminRecords());
    this.importJobs =
        new ImportJobs(
            store,
            live,
            follower,
            audit,
            new JobRecords(
                store.adminRecords(),
                NodeId.random(),
                this::nodeUrl,
                Duration.ofSeconds(config.imports().staleSeconds())));
    this.securityHeaders =
        new SecurityHeaders(config.http().embedAncestors(), config.web().baseMapUrl());
    this.fastPath =
        new TileFastPath(
            live,
            tileCache,
            config.tiles().cacheControl(),
            () -> tileFastPath,
            config.web().accessLog() ? accessLog::log : null,
            securityHeaders);
    FunctionCounter.builder("phaenthi.tiles.fast_path", fastPath, TileFastPath::answered)
        .description("cached tiles answered ahead of Javalin")
        .register(meters);
    this.trustedProxies = new TrustedProxies(config.http().trustedProxies());
    this.clientLimits =
        new ClientLimits(
            config.http().headerTimeoutSeconds(),
            config.http().maxConnectionsPerClient(),
            trustedProxies::trusts);
    FunctionCounter.builder(
            "phaenthi.http.connections.idle_closed", clientLimits, ClientLimits::closedIdle)
        .description(
            "idle connections closed so that their client, at --max-connections-per-client,"
                + " could open a new one")
        .register(meters);
    FunctionCounter.builder(
            "phaenthi.http.connections.refused", clientLimits, ClientLimits::refusedConnections)
        .description(
            "new connections of a client at --max-connections-per-client with every connection"
                + " busy: answered 503")
        .register(meters);
    FunctionCounter.builder(
            "phaenthi.http.headers.too_slow", clientLimits, ClientLimits::closedSlowHeaders)
        .description("connections closed because a request header took over --header-timeout")
        .register(meters);
    this.metricsGate = new MetricsGate(config.metrics());
    this.exportAdmission =
        new ExportAdmission(config.exports().concurrency(), config.exports().retryAfterSeconds());
    this.topologies = new TopologyCache(config.exports().topologyCacheBytes());
    this.exportSpool = new ExportSpool(config.exports().spoolMaxBytes());
    Gauge.builder("phaenthi.exports.running", exportAdmission, ExportAdmission::running)
        .description("downloads being built or streamed")
        .register(meters);
    FunctionCounter.builder("phaenthi.exports.refused", exportAdmission, ExportAdmission::refused)
        .description("downloads refused with 503 (--export-concurrency)")
        .register(meters);
    this.app = Javalin.create(this::configure);
  }

  private void configure(JavalinConfig c) {
    c.startup.showJavalinBanner = false;
    // POST /api/values is "wrong method" (405 with Allow), not "no such endpoint"
    c.http.prefer405over404 = true;
    c.staticFiles.enableWebjars();
    // uploads (POST /admin/api/imports) are bounded by --upload-limit-mb, not Javalin's 1 MB
    long uploadLimit = config.imports().uploadLimitMb() * 1024L * 1024L;
    c.jetty.multipartConfig.maxFileSize(uploadLimit, io.javalin.config.SizeUnit.BYTES);
    c.jetty.multipartConfig.maxTotalRequestSize(
        uploadLimit + 65536, io.javalin.config.SizeUnit.BYTES);
    c.http.maxRequestSize = Math.max(c.http.maxRequestSize, 1L << 20);
    c.staticFiles.add(
        s -> {
          s.hostedPath = "/";
          s.directory = "/phaenthi-web";
          s.location = Location.CLASSPATH;
          s.headers = Map.of("Cache-Control", "public, max-age=300");
        });
    c.appData(PublicUrls.KEY, new PublicUrls(config.http().publicUrl(), !trustedProxies.isEmpty()));
    if (config.web().accessLog()) {
      c.requestLogger.http(this::logRequest);
    }
    // Javalin puts its servlet context inside the innermost wrapper. Outermost the client limits
    // (they tell the whole-header bound which connections are handling a request), then cached
    // tiles are answered (adding the headers the wrappers behind would), then HEAD is asked as the
    // GET, every response gets the security headers and the public read paths get CORS.
    c.jetty.modifyServer(
        server -> {
          HeadAsGet head = new HeadAsGet();
          SecurityHeaders security = securityHeaders;
          PublicCors cors = new PublicCors(corsOrigins(config.web().corsOrigins()));
          fastPath.setHandler(head);
          head.setHandler(security);
          security.setHandler(cors);
          Handler.Wrapper limits = clientLimits.handler();
          limits.setHandler(fastPath);
          server.setHandler(limits);
          server.setErrorHandler(new JsonErrorHandler());
        });
    c.jetty.modifyHttpConfiguration(
        http -> {
          if (!trustedProxies.isEmpty()) {
            http.addCustomizer(trustedProxies);
          }
          // bounds each blocking read or write, so a client that stops reading frees its thread
          http.setIdleTimeout(config.http().writeTimeoutSeconds() * 1000L);
          http.setSendServerVersion(false);
        });
    // Javalin's own connector would get Jetty's default of half the cores as selector threads; the
    // fast path runs on them, so take one per core (or --selectors), as nginx takes a worker per
    // core.
    c.jetty.addConnector(
        (server, http) -> {
          ServerConnector connector =
              new ServerConnector(
                  server, -1, config.server().selectorThreads(), new HttpConnectionFactory(http));
          connector.setHost(config.server().host());
          connector.setPort(config.server().port());
          connector.addBean(clientLimits);
          return connector;
        });
    if (metricsGate.separatePort()) {
      c.jetty.addConnector(
          (server, http) -> {
            ServerConnector connector =
                new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
            connector.setName("metrics");
            connector.setHost(config.metrics().host());
            connector.setPort(config.metrics().port());
            metricsConnector = connector;
            return connector;
          });
    }
    routes(c.routes);
    errors(c.routes);
  }

  /** The configured CORS origins: {@code *} or a comma-separated list. */
  private static List<String> corsOrigins(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList();
  }

  /** Every route of the server. */
  private void routes(RoutesConfig r) {
    r.before(
        ctx -> {
          if (metricsGate.onMetricsPort(ctx) && !ctx.path().equals("/metrics")) {
            throw ApiException.notFound("this port serves only /metrics");
          }
          if (ctx.path().equals("/ogc") || ctx.path().startsWith("/ogc/")) {
            // OGC URLs name no version: every answer, errors too, is revalidated (OgcCaching)
            ctx.header("Cache-Control", org.phaenthi.server.http.VersionedUrls.REVALIDATE);
          }
        });
    r.before(new StoreGate(storeHealth));
    // the app's page names the two answers its first map waits on, so they load with its scripts
    org.phaenthi.server.api.FirstViewPreloads preloads =
        new org.phaenthi.server.api.FirstViewPreloads(live);
    r.before("/", preloads::addTo);
    r.before("/index.html", preloads::addTo);
    r.get(
        "/health",
        new HealthHandler(live, config.store().isPostgres() ? "postgis" : "embedded", readiness));
    r.get("/health/ready", new ReadyHandler(readiness));
    r.get("/api/meta", new MetaHandler(live, config.web().baseMapUrl(), true));
    r.get("/api/levels", new LevelsHandler(live));
    r.get("/api/indicators", new IndicatorsHandler(live));
    r.get("/api/values", new ValuesHandler(live, responses));
    r.get("/api/classes", new org.phaenthi.server.api.ClassesHandler(live, responses));
    r.get("/api/values/area/{code}", new AreaValuesHandler(live));
    r.get("/api/areas/search", new SearchHandler(live));
    r.get("/api/geometry/{level}", new GeometryHandler(live, responses));
    r.get(
        "/tiles/{level}/{z}/{x}/{file}",
        new TileHandler(live, tileCache, config.tiles().cacheControl(), storeHealth));
    r.get("/tiles/{file}", new TileJsonHandler(live, config.tiles().cacheControl()));
    r.get(
        "/metrics",
        ctx -> {
          metricsGate.check(ctx);
          ctx.header("Cache-Control", "no-store");
          ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape());
        });
    ExportHandler exports =
        new ExportHandler(
            live, config.tiles().cacheControl(), exportAdmission, topologies, exportSpool);
    PmtilesHandler pmtiles =
        new PmtilesHandler(
            live, tileCache, config.tiles().cacheControl(), exportAdmission, exportSpool);
    r.get(
        "/api/export/bundle/{file}",
        new org.phaenthi.server.bundle.BundleHandler(
            live, tileCache, exportAdmission, exportSpool, this::selfUri));
    r.get(
        "/api/export/{file}",
        ctx -> (PmtilesHandler.answers(ctx.pathParam("file")) ? pmtiles : exports).handle(ctx));
    RootHandler ogc = new RootHandler(live);
    CollectionsHandler collections = new CollectionsHandler(live);
    ItemsHandler items = new ItemsHandler(live, exportAdmission);
    r.get("/ogc", ogc::landing);
    r.get("/ogc/conformance", ogc::conformance);
    r.get("/ogc/api", ogc::apiDefinition);
    r.get("/ogc/style.css", ogc::stylesheet);
    r.get("/ogc/collections", collections::list);
    r.get("/ogc/collections/{collectionId}", collections::one);
    r.get("/ogc/collections/{collectionId}/items", items::items);
    r.get("/ogc/collections/{collectionId}/items/{featureId}", items::item);
    SchemaHandler schemas = new SchemaHandler(live);
    r.get("/ogc/collections/{collectionId}/queryables", schemas::queryables);
    r.get("/ogc/collections/{collectionId}/schema", schemas::schema);
    org.phaenthi.server.render.RenderHandler render =
        new org.phaenthi.server.render.RenderHandler(
            live, exportAdmission, config.tiles().cacheControl());
    r.get("/render/report/{file}", render::report);
    r.get("/render/{file}", render::picture);
    r.get("/embed", ctx -> sendPage(ctx, "/phaenthi-web/embed.html"));
    r.post(
        "/admin/import", new AdminImportHandler(config, store, live, follower, adminAuth, audit));
    PublicationsHandler publications =
        new PublicationsHandler(config, store, live, follower, adminAuth, audit);
    r.get("/api/publications", publications::list);
    r.post("/admin/api/publications/{id}/publish", publications::republish);
    ImportsHandler imports =
        new ImportsHandler(importJobs, adminAuth, config.imports().uploadLimitMb());
    r.post("/admin/api/imports", imports::create);
    r.get("/admin/api/imports", imports::list);
    r.get("/admin/api/imports/{id}", imports::get);
    r.put("/admin/api/imports/{id}", imports::update);
    r.delete("/admin/api/imports/{id}", imports::cancel);
    r.post("/admin/api/imports/{id}/publish", imports::publish);
    r.get("/admin/api/imports/{id}/{file}", imports::report);
    AdminApiHandler adminApi = new AdminApiHandler(adminAuth, audit);
    r.get("/admin/api/whoami", adminApi::whoami);
    r.get("/admin/api/audit", adminApi::audit);
    r.get("/admin", ctx -> sendPage(ctx, "/phaenthi-web/admin.html"));
  }

  /**
   * Maps exceptions to JSON errors, in one place. A handler that fails after its first bytes were
   * sent (a download cut off mid-way) gets its connection aborted instead: a JSON error appended to
   * a partial file would look like a complete one ({@link CommittedResponses}).
   */
  static void errors(RoutesConfig r) {
    r.exception(
        ApiException.class,
        (e, ctx) -> {
          if (CommittedResponses.abortIfCommitted(ctx, e)) {
            LOG.warn(
                "{} {} failed after the response began: {}",
                ctx.method(),
                ctx.path(),
                e.getMessage());
            return;
          }
          if (e.messageTh() == null) {
            sendError(ctx, e.status(), e.getMessage());
          } else {
            ctx.attribute("error", e.getMessage());
            ctx.status(e.status());
            ctx.header("Cache-Control", "no-store");
            Json.send(
                ctx,
                Json.obj(
                    "status", e.status(), "message", e.getMessage(), "message_th", e.messageTh()));
          }
        });
    r.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
          if (CommittedResponses.abortIfCommitted(ctx, e)) {
            return; // logged above; the client sees a truncated transfer
          }
          sendError(ctx, 500, "internal error; the server log has the details");
        });
    r.error(
        405,
        ctx ->
            sendError(
                ctx,
                405,
                "method "
                    + ctx.method()
                    + " is not allowed on "
                    + ctx.path()
                    + "; allowed: "
                    + ctx.res().getHeader("Allow")));
    r.error(
        404,
        ctx -> {
          if (ctx.attribute("error") == null) {
            sendError(ctx, 404, "no such endpoint: " + ctx.path() + "; see the README for routes");
          }
        });
  }

  static void sendError(Context ctx, int status, String message) {
    ctx.attribute("error", message);
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    Json.send(ctx, Json.obj("status", status, "message", message));
  }

  private static void sendPage(Context ctx, String resource) throws java.io.IOException {
    try (var in = PhaenthiServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw ApiException.notFound("the web app is not packaged in this build");
      }
      ctx.contentType("text/html; charset=utf-8").result(in.readAllBytes());
    }
  }

  private void logRequest(Context ctx, Float ms) {
    // a HEAD reaches Javalin as its GET (HeadAsGet); the log says what the client sent
    accessLog.log(
        HeadAsGet.method(ctx.req()),
        ctx.path(),
        ctx.status().getCode(),
        ms,
        ctx.attribute("cache"));
  }

  public PhaenthiServer start() {
    preparePyramid(live.snapshot());
    app.start(config.server().host(), config.server().port());
    if (metricsConnector != null) {
      metricsGate.metricsPort(metricsConnector.getLocalPort());
    }
    follower.start();
    // after the port opens, so neither the bands' decode nor the warm-up delays a warm start
    finishStart(live.snapshot());
    return this;
  }

  /** Where the start-up is ({@code /health/ready}). */
  public Readiness readiness() {
    return readiness;
  }

  /**
   * Decodes the served snapshot's bands, then runs the render warm-up ({@link RenderWarmup}; not
   * when {@code --tile-warmup-ms} is 0), one after the other on one daemon thread once the port is
   * open — the warm-up's renders need the bands, and on two cores the two side by side only slowed
   * each other — and marks the server ready. A server closed meanwhile is not held.
   */
  private void finishStart(Snapshot s) {
    long t0 = System.nanoTime();
    Thread t =
        new Thread(
            () -> {
              try {
                s.decodeGeometry();
                readiness.advance(Readiness.Phase.WARMING_UP);
                warmUp(s);
              } finally {
                readiness.advance(Readiness.Phase.READY);
                LOG.info(
                    "ready {} ms after the port opened ({} ms since the JVM started)",
                    (System.nanoTime() - t0) / 1_000_000,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
              }
            },
            "start-up-decode-and-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** Tiles above the pyramid per level and zoom that the start-up warm-up renders. */
  private static final int WARMUP_TILES_PER_ZOOM = 30;

  /** Runs the render warm-up ({@link RenderWarmup}) within {@code --tile-warmup-ms}, if any. */
  private void warmUp(Snapshot s) {
    int budget = config.tiles().warmupMillis();
    if (budget <= 0) {
      return;
    }
    RenderWarmup.Outcome o =
        RenderWarmup.run(
            tileCache,
            RenderWarmup.keys(s, config.tiles().pyramidMaxZoom(), WARMUP_TILES_PER_ZOOM),
            budget);
    LOG.info(
        "render warm-up: {} of {} tiles above the pyramid rendered and dropped in {} ms",
        o.renders(),
        o.planned(),
        o.millis());
  }

  /** The served snapshot's bands, decoded off the start-up path (see ZoomGeometryIndex). */
  private static void decodeGeometryLater(Snapshot s) {
    Thread t = new Thread(s::decodeGeometry, "decode-bands");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The low-zoom tile pyramid of the snapshot's boundary set: loaded from the store, or rendered
   * and stored (see {@link TilePyramid}). A failure leaves those tiles to be rendered on request.
   */
  private void preparePyramid(Snapshot s) {
    int maxZoom = config.tiles().pyramidMaxZoom();
    if (maxZoom < 0 || tileCache.pinnedCount(s.boundaryVersion()) > 0) {
      return;
    }
    try {
      TilePyramid.Outcome o = TilePyramid.prepare(s, store, tileCache, maxZoom);
      LOG.info(
          "tile pyramid z0–{} of {}: {} tiles, {}, {} rendered, in {} ms ({} KB gzip pinned)",
          maxZoom,
          s.boundaryVersion(),
          o.tiles(),
          o.loaded() ? "loaded from the store" : "stored",
          o.rendered(),
          o.millis(),
          tileCache.pinnedBytes() / 1024);
    } catch (RuntimeException e) {
      LOG.warn("tile pyramid of {} not prepared: {}", s.boundaryVersion(), e.getMessage());
    }
  }

  /** A new boundary set served: its pyramid is prepared off the thread that swapped it in. */
  private void preparePyramidLater(Snapshot s) {
    if (config.tiles().pyramidMaxZoom() >= 0 && tileCache.pinnedCount(s.boundaryVersion()) == 0) {
      pyramidWorker.execute(
          () -> {
            preparePyramid(s);
            Snapshot now = live.snapshot();
            if (now != s) {
              tileCache.retainVersions(now.liveVersions()); // swapped again meanwhile
            }
          });
    }
  }

  /** Whether the store can be reached; the tile handler may check it on a cache miss. */
  public StoreHealth storeHealth() {
    return storeHealth;
  }

  /**
   * Where this node answers, for other nodes to name when they show its import jobs (its own
   * address, not --public-url: behind a cache every node has the same public URL).
   */
  private String nodeUrl() {
    return NodeId.url(config.server().host(), app.port());
  }

  public int port() {
    return app.port();
  }

  /** The bound port of {@code --metrics-port}, or -1 when /metrics is on the main port. */
  /** The base URL of this node's own API, for the bundle builder's loopback requests. */
  private java.net.URI selfUri() {
    String host = config.server().host();
    if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return java.net.URI.create("http://" + host + ":" + port() + "/");
  }

  public int metricsPort() {
    return metricsConnector == null ? -1 : metricsConnector.getLocalPort();
  }

  /** Connections closed because their request header did not arrive in time. */
  public long closedSlowHeaders() {
    return clientLimits.closedSlowHeaders();
  }

  /** New connections answered 503 because every connection of their client was busy. */
  public long refusedConnections() {
    return clientLimits.refusedConnections();
  }

  /** Idle connections closed so that their client, at its bound, could open a new one. */
  public long closedIdleConnections() {
    return clientLimits.closedIdle();
  }

  /**
   * Whether cached tiles are answered by {@link TileFastPath} ahead of Javalin (the default) or go
   * through the Javalin route like every other request; tests compare the two.
   */
  public void tileFastPath(boolean on) {
    tileFastPath = on;
  }

  /** Requests answered by {@link TileFastPath} since the start. */
  public long tileFastPathAnswered() {
    return fastPath.answered();
  }

  /** The bounded admission of downloads. */
  public ExportAdmission exportAdmission() {
    return exportAdmission;
  }

  /** The kept files of downloads built once (GeoPackage, PMTiles). */
  public ExportSpool exportSpool() {
    return exportSpool;
  }

  public TileCache tileCache() {
    return tileCache;
  }

  /** The served data, to read; a swap goes through {@link #serve}. */
  public LiveData live() {
    return live;
  }

  /** Serves this dataset now, as a publication that another node made would be (tests). */
  public void serve(Dataset dataset) {
    follower.serve(dataset);
  }

  @Override
  public void close() {
    pyramidWorker.shutdownNow();
    follower.close();
    importJobs.close();
    app.stop();
    accessLog.close();
    exportSpool.close();
  }
}
