package dev.strata.index.dedup;

import dev.strata.scanner.image.Digest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * OCI chain IDs (image-spec config.md): {@code ChainID(L0) = DiffID(L0)},
 * {@code ChainID(L0..Ln) = sha256(ChainID(L0..Ln-1) + " " + DiffID(Ln))}. Two images share their lowest
 * {@code n} layers exactly when their {@code n}-th chain IDs are equal.
 */
public final class ChainIds {
    private ChainIds() {
    }

    /** The chain ID of every prefix of {@code diffIds} (lowest first). */
    public static List<Digest> of(List<Digest> diffIds) {
        List<Digest> chain = new ArrayList<>(diffIds.size());
        Digest previous = null;
        for (Digest diffId : diffIds) {
            previous = previous == null ? diffId
                    : Digest.sha256Of((previous + " " + diffId).getBytes(StandardCharsets.UTF_8));
            chain.add(previous);
        }
        return chain;
    }
}
