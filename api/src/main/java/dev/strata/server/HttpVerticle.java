package dev.strata.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/** One HTTP server instance on its own event loop; several share the port, so requests spread over the loops. */
final class HttpVerticle extends VerticleBase {
    private final Router router;
    private final HttpServerOptions options;
    private volatile HttpServer server;

    HttpVerticle(Router router, HttpServerOptions options) {
        this.router = router;
        this.options = options;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
    }

    int port() {
        return server.actualPort();
    }
}
