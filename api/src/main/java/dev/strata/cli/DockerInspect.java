package dev.strata.cli;

import dev.strata.scanner.image.ImageConfig;
import dev.strata.scanner.report.ImageSummary;
import dev.strata.scanner.report.LayerSummary;
import dev.strata.scanner.report.ScanReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@code docker image inspect}-shaped view of a report (field names as Docker spells them). */
final class DockerInspect {
    private DockerInspect() {
    }

    static Map<String, Object> of(ScanReport report) {
        ImageSummary image = report.image();
        String[] platform = image.platform().split("/");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Id", image.configDigest());
        out.put("RepoTags", image.repoTags());
        out.put("RepoDigests", List.of());
        out.put("ManifestDigest", image.digest());
        out.put("Created", image.created());
        out.put("Author", image.author() == null ? "" : image.author());
        out.put("Architecture", platform.length > 1 ? platform[1] : "");
        if (platform.length > 2) {
            out.put("Variant", platform[2]);
        }
        out.put("Os", platform[0]);
        out.put("Size", image.uncompressedSize());
        out.put("Config", config(image.config()));
        Map<String, Object> rootFs = new LinkedHashMap<>();
        rootFs.put("Type", "layers");
        rootFs.put("Layers", report.layers().stream().map(LayerSummary::diffId).toList());
        out.put("RootFS", rootFs);
        return out;
    }

    private static Map<String, Object> config(ImageConfig.RuntimeConfig c) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (c == null) {
            return out;
        }
        out.put("User", c.user() == null ? "" : c.user());
        Map<String, Object> ports = new LinkedHashMap<>();
        c.exposedPorts().forEach(p -> ports.put(p, Map.of()));
        out.put("ExposedPorts", ports);
        out.put("Env", c.env());
        out.put("Cmd", c.cmd());
        out.put("Entrypoint", c.entrypoint());
        Map<String, Object> volumes = new LinkedHashMap<>();
        c.volumes().forEach(v -> volumes.put(v, Map.of()));
        out.put("Volumes", volumes);
        out.put("WorkingDir", c.workingDir() == null ? "" : c.workingDir());
        out.put("Labels", c.labels());
        if (c.stopSignal() != null) {
            out.put("StopSignal", c.stopSignal());
        }
        return out;
    }
}
