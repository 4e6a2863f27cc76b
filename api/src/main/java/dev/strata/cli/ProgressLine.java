package dev.strata.cli;

/**
 * The text of the scan progress display: a bar (the larger of the byte and layer fractions; layers found in the
 * index count as done without bytes), then layers and blob bytes read.
 */
final class ProgressLine {

    private ProgressLine() {
    }

    /** E.g. {@code [##########----------]  2/5 layers  45.2 MiB / 90.4 MiB}, the bar {@code width} cells wide. */
    static String render(int layersDone, int layers, long bytesDone, long bytes, int width) {
        double byBytes = bytes > 0 ? Math.min(1.0, (double) bytesDone / bytes) : 0;
        double byLayers = layers > 0 ? Math.min(1.0, (double) layersDone / layers) : 0;
        double fraction = Math.max(byBytes, byLayers);
        int filled = (int) Math.round(fraction * width);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]  " + layersDone + "/" + layers
                + " layers  " + Sizes.human(bytesDone) + " / " + Sizes.human(bytes);
    }
}
