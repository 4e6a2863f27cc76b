package dev.strata.server;

import dev.strata.app.DataDirectory;
import dev.strata.app.Strata;
import dev.strata.scanner.layer.LayerLimits;
import dev.strata.scanner.registry.RegistryOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

/**
 * The running scan service: one data directory ({@link Strata}), the scan jobs, and the HTTP server whose
 * router answers on the event loop and hands everything that may block to worker pools.
 */
public final class StrataServer implements AutoCloseable {
    /** Where the OpenAPI document lives on the class path. */
    public static final String OPENAPI_RESOURCE = "/dev/strata/server/openapi.yaml";

    private final Vertx vertx;
    private final Strata strata;
    private final ScanJobs jobs;
    private final VulnerabilityDatabase vulnerabilities;
    private final WorkerExecutor apiWorkers;
    private final Router router;
    private final int port;

    private StrataServer(Vertx vertx, Strata strata, ScanJobs jobs, VulnerabilityDatabase vulnerabilities,
                         WorkerExecutor apiWorkers, Router router, int port) {
        this.vertx = vertx;
        this.strata = strata;
        this.jobs = jobs;
        this.vulnerabilities = vulnerabilities;
        this.apiWorkers = apiWorkers;
        this.router = router;
        this.port = port;
    }

    /** Starts with Vert.x's default options (the blocked-thread checker warns after 2 s on the event loop). */
    public static StrataServer start(ServerConfig config) throws IOException {
        return start(config, new VertxOptions());
    }

    /** Validates the config, opens the data directory, re-queues interrupted jobs and listens. */
    public static StrataServer start(ServerConfig config, VertxOptions options) throws IOException {
        config.validate();
        QuietLogging.apply();
        DataDirectory data = DataDirectory.resolve(config.data());
        Path root = data.create();
        Path uploads = Files.createDirectories(root.resolve("uploads"));
        byte[] openapi = openApiDocument();
        ReferencePolicy policy = new ReferencePolicy(config.localPathsAllowed(), config.registryPolicy());
        Strata strata = Strata.open(data, LayerLimits.defaults(),
                RegistryOptions.DEFAULTS.withHostGuard(policy::checkRegistryUri));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        options.setMaxWorkerExecuteTime(7).setMaxWorkerExecuteTimeUnit(TimeUnit.DAYS)
                .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE,
                                Label.POOL_NAME)));
        Vertx vertx = Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry)).build();
        try {
            WorkerExecutor apiWorkers = vertx.createSharedWorkerExecutor("strata-api", config.apiWorkerCount());
            JobStore store = new JobStore(root);
            ScanJobs[] holder = new ScanJobs[1];
            ServerMetrics metrics = new ServerMetrics(registry, () -> holder[0] == null ? 0 : holder[0].queued(),
                    () -> holder[0] == null ? 0 : holder[0].running());
            VulnerabilityDatabase vulnerabilities = new VulnerabilityDatabase(root);
            ScanJobs jobs = new ScanJobs(vertx, strata, vulnerabilities, store, policy, metrics, config.scanConcurrency(),
                    config.queueCapacity(), config.maxAttempts(), config.keepFinished());
            holder[0] = jobs;
            jobs.recover();

            Router router = Router.router(vertx);
            ScanRoutes scans = new ScanRoutes(jobs, store, policy, apiWorkers);
            ImageRoutes images = new ImageRoutes(strata.index(), apiWorkers);
            SearchRoutes search = new SearchRoutes(strata.index(), apiWorkers);
            AnalysisRoutes analysis = new AnalysisRoutes(strata.index(), vulnerabilities, apiWorkers);
            DbRoutes db = new DbRoutes(root, new DatabaseUpdates(root, vertx.createSharedWorkerExecutor("strata-db", 1,
                    7, TimeUnit.DAYS)), apiWorkers);
            UploadRoute upload = new UploadRoute(jobs, uploads, config.maxUploadBytes(), apiWorkers);
            router.get("/health").handler(ctx -> Responses.send(ctx, 200, new JsonObject().put("status", "ok").encode()));
            router.route().handler(new BearerAuth(config.tokens(), config.open()));
            router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
            router.get("/api/v1/openapi.yaml").handler(ctx -> ctx.response()
                    .putHeader("Content-Type", "application/yaml").end(io.vertx.core.buffer.Buffer.buffer(openapi)));
            router.post("/api/v1/scans").handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()))
                    .handler(scans::create);
            router.get("/api/v1/scans/:id").handler(scans::get);
            router.get("/api/v1/scans/:id/events").handler(scans::events);
            router.get("/api/v1/scans/:id/report").handler(scans::report);
            router.post("/api/v1/images").handler(upload::upload);
            router.get("/api/v1/images").handler(images::list);
            router.get("/api/v1/images/:digest").handler(images::inspect);
            router.get("/api/v1/images/:digest/history").handler(images::history);
            router.get("/api/v1/images/:digest/layers").handler(images::layers);
            router.delete("/api/v1/images/:digest").handler(images::remove);
            router.get("/api/v1/search").handler(search::search);
            router.get("/api/v1/images/:digest/efficiency").handler(analysis::efficiency);
            router.get("/api/v1/dedup").handler(analysis::dedup);
            router.get("/api/v1/diff").handler(analysis::diff);
            router.get("/api/v1/db").handler(db::status);
            router.post("/api/v1/db/update").handler(db::update);
            router.route().failureHandler(Responses::failure);
            router.errorHandler(404, ctx -> Responses.error(ctx, 404, "not_found", "no such resource: "
                    + ctx.request().path()));
            router.errorHandler(405, ctx -> Responses.error(ctx, 405, "method_not_allowed",
                    ctx.request().method() + " is not allowed on " + ctx.request().path()));

            warmUp();
            // a negative port is Vert.x's "one random port shared by these servers"; 0 would give each its own
            HttpServerOptions httpOptions = new HttpServerOptions().setHost(config.bindAddress())
                    .setPort(config.listenPort() == 0 ? -1 : config.listenPort()).setCompressionSupported(false);
            java.util.List<HttpVerticle> instances = new java.util.concurrent.CopyOnWriteArrayList<>();
            join(vertx.deployVerticle(() -> {
                HttpVerticle v = new HttpVerticle(router, httpOptions);
                instances.add(v);
                return v;
            }, new DeploymentOptions().setInstances(config.eventLoopCount())));
            int port = instances.get(0).port();
            return new StrataServer(vertx, strata, jobs, vulnerabilities, apiWorkers, router, port);
        } catch (RuntimeException | IOException e) {
            vertx.close();
            strata.close();
            if (e.getCause() != null && e instanceof java.util.concurrent.CompletionException) {
                throw new IOException("cannot listen on " + config.bindAddress() + ":" + config.listenPort() + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
            throw e;
        }
    }

    /**
     * Loads and initialises the JSON codecs before the first request, so their one-off class loading does
     * not land on the event loop.
     */
    private static void warmUp() {
        ScanJob sample = ScanJob.queued("warm-up-job", "warm-up", "linux/amd64", false).running()
                .withProgress(new ScanJob.Progress(1, 2, 3, 4)).failed("warm_up", "warm up");
        String text = Responses.json(ScanRoutes.view(sample));
        try {
            Responses.JSON.readValue(Responses.json(sample), ScanJob.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        new JsonObject().put("error", new JsonObject().put("code", "warm_up").put("message", text)).encode();
    }

    private static <T> T join(io.vertx.core.Future<T> f) {
        return f.toCompletionStage().toCompletableFuture().join();
    }

    private static byte[] openApiDocument() throws IOException {
        try (InputStream in = StrataServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IOException("OpenAPI document " + OPENAPI_RESOURCE + " missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    /** The port the server listens on (the real one when 0 was asked). */
    public int port() {
        return port;
    }

    public Vertx vertx() {
        return vertx;
    }

    public Router router() {
        return router;
    }

    public Strata strata() {
        return strata;
    }

    public ScanJobs jobs() {
        return jobs;
    }

    @Override
    public void close() throws IOException {
        jobs.close();
        apiWorkers.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        vulnerabilities.close();
        strata.close();
    }
}
