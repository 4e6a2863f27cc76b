package dev.strata.app.vulndb;

import dev.strata.index.advisory.AdvisoryImporter;
import dev.strata.index.advisory.AdvisoryStore;
import dev.strata.index.advisory.DatabaseStatus;
import dev.strata.scanner.report.PackageSummary;
import dev.strata.scanner.vuln.match.AdvisoryKey;
import dev.strata.scanner.vuln.match.Coordinates;
import dev.strata.scanner.vuln.match.MatchResult;
import dev.strata.scanner.vuln.match.PackageCoordinates;
import dev.strata.scanner.vuln.match.VulnerabilityMatcher;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Benchmark runner (not a test), see {@code samples/bench-vulndb.sh}.
 * <ul>
 *   <li>{@code import DATA ZIP…}: reads and inflates every entry once (the floor: what any importer must do), then
 *       imports the zips into a fresh database; prints both times and the peak heap of the import;</li>
 *   <li>{@code match DATA PACKAGES RUNS}: opens the database, builds an image of PACKAGES packages from the corpus'
 *       package pool, and times {@link VulnerabilityMatcher#match} (after warm-up) against the store lookups alone.</li>
 * </ul>
 */
public final class VulnDbBench {
    private VulnDbBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "import" -> importBench(Path.of(args[1]), Arrays.stream(args, 2, args.length).map(Path::of).toList());
            case "match" -> matchBench(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("import|match");
        }
    }

    private static void importBench(Path data, List<Path> zips) throws Exception {
        long bytes = 0;
        for (Path z : zips) {
            bytes += Files.size(z);
        }
        long t0 = System.nanoTime();
        long entries = 0;
        long inflated = 0;
        byte[] buf = new byte[64 * 1024];
        for (Path z : zips) {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(z))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    entries++;
                    for (int n; (n = in.read(buf)) > 0; ) {
                        inflated += n;
                    }
                }
            }
        }
        double floor = (System.nanoTime() - t0) / 1e9;
        System.out.printf("zips: %d files, %.1f MB compressed, %d records, %.1f MB JSON%n", zips.size(), bytes / 1e6,
                entries, inflated / 1e6);
        System.out.printf("floor (read + inflate every entry once): %.1f s%n", floor);
        System.gc();
        long cpu0 = processCpuNanos();
        long[] sampled = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampled[0] = Math.max(sampled[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t1 = System.nanoTime();
        DatabaseStatus status = new AdvisoryImporter(data).importFiles(zips);
        double took = (System.nanoTime() - t1) / 1e9;
        sampler.interrupt();
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        long documents = status.sources().stream().mapToLong(s -> s.documents()).sum();
        System.out.printf("import: %.1f s (%.1f MB/s of zip, %.0f records/s), %d documents, %s%n", took,
                bytes / 1e6 / took, entries / took, documents, status.generation());
        System.out.printf("import CPU time (all JVM threads): %.1f s%n", cpu);
        System.out.printf("heap during import: peak used %.0f MiB (sampled every 5 ms, garbage included); "
                + "max heap %.0f MiB%n", sampled[0] / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static void matchBench(Path data, int packages, int runs) throws Exception {
        long t0 = System.nanoTime();
        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            System.out.printf("open: %.0f ms (%s)%n", (System.nanoTime() - t0) / 1e6, store.generation());
            List<PackageSummary> image = image(packages, new Random(7));
            VulnerabilityMatcher matcher = new VulnerabilityMatcher(store);
            List<AdvisoryKey> keys = new ArrayList<>();
            for (PackageSummary p : image) {
                if (PackageCoordinates.of(p, null) instanceof Coordinates.Lookup l) {
                    keys.add(l.key());
                }
            }
            MatchResult result = null;
            for (int i = 0; i < 5; i++) {
                result = matcher.match(image, null);
                keys.forEach(k -> store.lookup(k.ecosystem(), k.name()));
            }
            double[] match = new double[runs];
            double[] matchCpu = new double[runs];
            double[] lookup = new double[runs];
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < runs; i++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long a = System.nanoTime();
                result = matcher.match(image, null);
                match[i] = (System.nanoTime() - a) / 1e6;
                matchCpu[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                long b = System.nanoTime();
                long advisories = 0;
                for (AdvisoryKey k : keys) {
                    advisories += store.lookup(k.ecosystem(), k.name()).size();
                }
                lookup[i] = (System.nanoTime() - b) / 1e6;
                if (i == 0) {
                    System.out.printf("image: %d packages, %d looked up, %d advisories read, %d findings%n", image.size(),
                            keys.size(), advisories, result.findings().size());
                }
            }
            Arrays.sort(match);
            Arrays.sort(matchCpu);
            Arrays.sort(lookup);
            System.out.printf("match %d packages: median %.1f ms, max %.1f ms over %d runs (CPU time of the matching "
                    + "thread: median %.1f ms; wall time includes waiting for a core on a loaded machine)%n",
                    image.size(), match[runs / 2], match[runs - 1], runs, matchCpu[runs / 2]);
            System.out.printf("store lookups alone (Lucene + decode) for the same keys: median %.1f ms%n", lookup[runs / 2]);
        }
    }

    /** {@code n} packages spread over the corpus ecosystems, versions in the ranges the corpus uses. */
    private static List<PackageSummary> image(int n, Random r) {
        List<PackageSummary> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ecosystem = OsvBenchCorpus.ECOSYSTEMS.get(i % OsvBenchCorpus.ECOSYSTEMS.size());
            String name = OsvBenchCorpus.packageName(ecosystem, r.nextInt(OsvBenchCorpus.PACKAGES_PER_ECOSYSTEM));
            String version = OsvBenchCorpus.version(ecosystem, r.nextInt(6), r.nextInt(25), r.nextInt(10));
            String type = switch (ecosystem) {
                case "Maven" -> "maven";
                case "npm" -> "npm";
                case "PyPI" -> "pypi";
                default -> "golang";
            };
            String namespace = null;
            String simple = name;
            if (type.equals("maven")) {
                namespace = name.substring(0, name.indexOf(':'));
                simple = name.substring(name.indexOf(':') + 1);
            } else if (type.equals("npm") && name.startsWith("@")) {
                namespace = name.substring(0, name.indexOf('/'));
                simple = name.substring(name.indexOf('/') + 1);
            }
            out.add(new PackageSummary(type, namespace, simple, version, "pkg:" + type + "/" + name + "@" + version,
                    null, null, null, List.of(), List.of("/app/" + i), null, "sha256:layer", null, null, null));
        }
        return out;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long readAll(InputStream in) throws java.io.IOException {
        return in.transferTo(java.io.OutputStream.nullOutputStream());
    }
}
