package dev.strata.scanner.vuln.version;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** Test helper: reads "A B SIGN" reference files and asks real tools for live signs. */
final class ReferencePairs {

    /** One reference comparison: {@code sign} is -1, 0 or 1 for {@code a} vs {@code b}. */
    record Pair(String a, String b, int sign) {
        @Override
        public String toString() {
            return a + " " + b + " " + sign;
        }
    }

    private ReferencePairs() {
    }

    /** Loads a pair file from the test resources next to this class, skipping comment lines. */
    static List<Pair> load(String resource) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(ReferencePairs.class.getResourceAsStream(resource), resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                if (f.length != 3) {
                    throw new IOException("bad line in " + resource + ": " + line);
                }
                pairs.add(new Pair(f[0], f[1], Integer.parseInt(f[2])));
            }
        }
        return pairs;
    }

    /** True if an executable named {@code tool} is on the PATH. */
    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code script} once under bash, feeding "A B" lines on stdin, and returns one integer sign per line
     * that the script prints.
     */
    static List<Integer> liveSigns(String script, List<Pair> pairs) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            for (Pair pair : pairs) {
                w.write(pair.a() + " " + pair.b() + "\n");
            }
        }
        List<Integer> signs = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                signs.add(Integer.parseInt(line.trim()));
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("reference tool timed out");
        }
        return signs;
    }
}
