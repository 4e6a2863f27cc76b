package dev.strata.cli;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.testing.FaultProxy;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.RegistryServer;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/** The real registry holding the small test image as {@code small/app:1}, behind a fault-injecting proxy. */
record ProxiedRegistry(RegistryServer registry, Vertx vertx, FaultProxy proxy, ImageFixtures.Image image,
                       Descriptor big) implements AutoCloseable {

    static ProxiedRegistry start(Path dir) throws Exception {
        RegistryServer registry = RegistryServer.start(dir.resolve("registry"), null);
        ImageFixtures.Image image = RegistryTestImages.small();
        RegistryTestImages.push(registry, image, dir.resolve("layout"), "small/app:1");
        Vertx vertx = Vertx.vertx();
        return new ProxiedRegistry(registry, vertx, FaultProxy.start(vertx, "http://" + registry.host()), image,
                RegistryTestImages.largestLayer(image));
    }

    @Override
    public void close() throws Exception {
        proxy.close();
        vertx.close().toCompletionStage().toCompletableFuture().get();
        registry.close();
    }
}
