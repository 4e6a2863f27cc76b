package dev.strata.scanner.registry;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.Platform;
import dev.strata.scanner.layer.Compression;
import dev.strata.scanner.source.ResolvedImage;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.RegistryServer;
import dev.strata.scanner.testing.TarBuilder;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry image source on a shared Vert.x instance, against the real registry. */
class RegistryImageSourceTest {
    @TempDir
    Path tmp;

    @Test
    void resolvesAndStreamsEveryLayerOnASharedVertx() throws Exception {
        ImageFixtures.Image image = ImageFixtures.image().platform("linux/amd64")
                .layer(new TarBuilder().file("a.txt", "a\n").build(), Compression.GZIP)
                .layer(new TarBuilder().file("b.txt", "b".repeat(100_000)).build(), Compression.ZSTD)
                .build();
        Vertx vertx = Vertx.vertx();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RegistryServer registry = RegistryServer.start(tmp.resolve("registry"), null)) {
            ImageFixtures.layout().add(image, "img").writeDirectory(tmp.resolve("layout"));
            registry.push("oci:" + tmp.resolve("layout") + ":img", "team/app:3");
            ContentStore store = new ContentStore(tmp.resolve("data"));
            Map<Digest, Digest> streamed = new ConcurrentHashMap<>();
            try (RegistryImageSource source = RegistryImageSource.open(
                    RegistryReference.parse(registry.host() + "/team/app:3"), RegistryOptions.DEFAULTS, Map.of(), store,
                    vertx)) {
                ResolvedImage resolved = source.resolve(Platform.LINUX_AMD64);
                assertThat(resolved.manifestDigest()).isEqualTo(image.manifestDigest());
                assertThat(resolved.reference()).isEqualTo(registry.host() + "/team/app:3");
                assertThat(resolved.config().diffIds()).isEqualTo(image.diffIds());
                source.readBlobs(resolved.layers(), pool, (blob, in) -> streamed.put(blob.digest(),
                        Digest.sha256Of(in.readAllBytes())));
                for (Descriptor layer : resolved.layers()) {
                    assertThat(streamed.get(layer.digest())).isEqualTo(layer.digest());
                    assertThat(store.has(layer)).isTrue();
                }
            }
            // the shared instance outlives the source
            assertThat(vertx.timer(1).toCompletionStage().toCompletableFuture())
                    .succeedsWithin(java.time.Duration.ofSeconds(5));
        } finally {
            pool.shutdownNow();
            vertx.close();
        }
    }
}
