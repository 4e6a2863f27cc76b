package dev.strata.index.dedup;

import dev.strata.index.IndexedImage;
import dev.strata.scanner.image.Digest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BaseImagesTest {
    static Digest d(String seed) {
        return Digest.sha256Of(seed.getBytes(StandardCharsets.UTF_8));
    }

    static IndexedImage image(String name, long at, Digest... layers) {
        return new IndexedImage(d("m-" + name), d("c-" + name), name, List.of(name), "linux/amd64", List.of(layers),
                at, null);
    }

    @Test
    void chainIdsFollowTheImageSpec() throws Exception {
        Digest a = d("a");
        Digest b = d("b");
        byte[] hash = MessageDigest.getInstance("SHA-256").digest((a + " " + b).getBytes(StandardCharsets.UTF_8));
        assertThat(ChainIds.of(List.of(a, b)))
                .containsExactly(a, Digest.parse("sha256:" + HexFormat.of().formatHex(hash)));
    }

    @Test
    void longestStrictPrefixWins() {
        IndexedImage os = image("debian", 1, d("l0"));
        IndexedImage runtime = image("jre", 2, d("l0"), d("l1"));
        IndexedImage app = image("app", 3, d("l0"), d("l1"), d("l2"));
        IndexedImage sameAsApp = image("app-copy", 4, d("l0"), d("l1"), d("l2"));
        IndexedImage other = image("other", 5, d("l1"), d("l0"));
        List<IndexedImage> all = List.of(app, other, runtime, os, sameAsApp);

        BaseImages.Base base = BaseImages.detect(app, all).orElseThrow();
        assertThat(base.image().reference()).isEqualTo("jre");
        assertThat(base.sharedLayers()).isEqualTo(2);
        assertThat(base.totalLayers()).isEqualTo(3);
        assertThat(base.chainId()).isEqualTo(ChainIds.of(runtime.diffIds()).get(1));
        assertThat(BaseImages.detect(runtime, all).orElseThrow().image().reference()).isEqualTo("debian");
        assertThat(BaseImages.detect(os, all)).isEmpty();
        // same diffIDs in another order share no chain
        assertThat(BaseImages.detect(other, all)).isEmpty();
    }
}
