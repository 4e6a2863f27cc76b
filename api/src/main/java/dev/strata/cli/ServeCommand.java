package dev.strata.cli;

import dev.strata.app.DataDirectory;
import dev.strata.server.ServerConfig;
import dev.strata.server.StrataServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code strata serve}: runs the scan service (REST API v1) until stopped. */
@Command(name = "serve", description = "Run the scan service: REST API v1, Prometheus metrics, durable scan jobs.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default 8080; 0 picks a free one).")
    Integer port;
    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1).")
    String bind;
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $STRATA_DATA, else ~/.strata).")
    Path data;
    @Option(names = "--config", paramLabel = "FILE", description = "YAML config: tokens, limits, queue, registries.")
    Path config;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ServerConfig base = config == null ? ServerConfig.defaults() : ServerConfig.load(config);
        ServerConfig effective = base.withListen(bind, port,
                data != null || base.data() == null ? DataDirectory.resolve(data).root() : null);
        StrataServer server = StrataServer.start(effective);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("strata: error: stopping the server: " + e.getMessage());
            }
            stopped.countDown();
        }, "strata-serve-stop"));
        spec.commandLine().getOut().println("strata: serving on http://" + effective.bindAddress() + ":" + server.port()
                + " (data " + DataDirectory.resolve(effective.data()).root() + ")");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
