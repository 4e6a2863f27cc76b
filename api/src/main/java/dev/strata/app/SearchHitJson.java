package dev.strata.app;

import dev.strata.index.FileHit;
import dev.strata.index.IndexedPackage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON fields of one search hit, shared by {@code strata search --format json} and the search route. */
public final class SearchHitJson {
    private SearchHitJson() {
    }

    /** A package occurrence; {@code kind} and {@code imageName} are left out when {@code null}. */
    public static Map<String, Object> packageHit(IndexedPackage p, String kind, String imageName) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (kind != null) {
            m.put("kind", kind);
        }
        m.put("image", p.image().toString());
        if (imageName != null) {
            m.put("imageName", imageName);
        }
        m.put("purl", p.purl());
        m.put("type", p.type());
        m.put("name", p.name());
        m.put("version", p.version());
        m.put("layerDiffId", p.layerDiffId());
        m.put("paths", p.paths());
        if (p.ownedBy() != null) {
            m.put("ownedBy", p.ownedBy());
        }
        return m;
    }

    /** A file entry with the images holding its layer; {@code kind} is left out when {@code null}. */
    public static Map<String, Object> fileHit(FileHit h, String kind, List<String> images) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (kind != null) {
            m.put("kind", kind);
        }
        m.put("path", h.entry().path());
        m.put("type", h.entry().type().name().toLowerCase(Locale.ROOT));
        m.put("size", h.entry().size());
        m.put("sha256", h.entry().sha256() == null ? null : h.entry().sha256().toString());
        m.put("layerDiffId", h.diffId().toString());
        m.put("images", images);
        return m;
    }
}
