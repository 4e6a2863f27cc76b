package dev.strata.scanner.sbom;

import dev.strata.scanner.packages.InstalledPackage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An installed package as it enters an SBOM: its purl and a stable reference unique in the document, the purl
 * itself, or {@code <purl>|<first path>} when the same purl was found at several places.
 */
record SbomPackage(InstalledPackage installed, String purl, String ref) {

    private static final Comparator<SbomPackage> ORDER = Comparator.comparing(SbomPackage::purl)
            .thenComparing(p -> String.join("\n", p.installed().pkg().paths()))
            .thenComparing(p -> String.valueOf(p.installed().layerDiffId()));

    /** The packages in a stable order (by purl, then paths, then layer), each with its reference. */
    static List<SbomPackage> of(List<InstalledPackage> packages) {
        List<SbomPackage> sorted = new ArrayList<>();
        Map<String, Integer> purlCounts = new HashMap<>();
        for (InstalledPackage p : packages) {
            String purl = p.pkg().purl();
            sorted.add(new SbomPackage(p, purl, null));
            purlCounts.merge(purl, 1, Integer::sum);
        }
        sorted.sort(ORDER);
        Set<String> used = new HashSet<>();
        List<SbomPackage> result = new ArrayList<>(sorted.size());
        for (SbomPackage p : sorted) {
            String ref = p.purl();
            if (purlCounts.get(ref) > 1) {
                List<String> paths = p.installed().pkg().paths();
                ref = ref + "|" + (paths.isEmpty() ? String.valueOf(p.installed().layerDiffId()) : paths.get(0));
            }
            String unique = ref;
            for (int n = 2; !used.add(unique); n++) {
                unique = ref + "|" + n;
            }
            result.add(new SbomPackage(p.installed(), p.purl(), unique));
        }
        return List.copyOf(result);
    }
}
