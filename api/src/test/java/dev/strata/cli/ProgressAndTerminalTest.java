package dev.strata.cli;

import dev.strata.scanner.image.Digest;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressAndTerminalTest {

    private static final Digest LAYER =
            Digest.parse("sha256:1111111111111111111111111111111111111111111111111111111111111111");

    @Test
    void progressLineShowsBarLayersAndBytes() {
        assertThat(ProgressLine.render(1, 4, 3_000_000, 6_000_000, 10))
                .isEqualTo("[#####-----]  1/4 layers  3.0 MB / 6.0 MB");
        assertThat(ProgressLine.render(2, 4, 0, 6_000_000, 10)).startsWith("[#####-----]  2/4 layers");
        assertThat(ProgressLine.render(0, 0, 0, 0, 4)).startsWith("[----]  0/0 layers");
    }

    @Test
    void consoleProgressRedrawsInPlaceAndErasesItself() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text));
        progress.resolved(2, 2_000_000);
        progress.bytesRead(600_000);
        progress.bytesRead(400_000);
        progress.layerDone(LAYER, 1_000_000);
        progress.bytesRead(1_000_000);
        progress.layerDone(LAYER, 1_000_000);
        progress.finish();
        String out = text.toString();
        assertThat(out).startsWith("\r[------------------------------]  0/2 layers");
        assertThat(out).contains("\r[##############################]  2/2 layers  2.0 MB / 2.0 MB");
        assertThat(out).endsWith("\r\u001b[K").doesNotContain("\n");
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColorAndProgressOnlyWithoutQuiet() {
        assertThat(new Terminal(true, true, false).colour()).isTrue();
        assertThat(new Terminal(true, true, true).colour()).isFalse();
        assertThat(new Terminal(false, true, false).colour()).isFalse();
        assertThat(new Terminal(true, true, false).progress(false)).isTrue();
        assertThat(new Terminal(true, true, false).progress(true)).isFalse();
        assertThat(new Terminal(true, false, false).progress(false)).isFalse();
        // NO_COLOR set but empty does not disable colour (no-color.org)
        assertThat(Terminal.detect(Map.of("NO_COLOR", "")).noColor()).isFalse();
        assertThat(Terminal.detect(Map.of("NO_COLOR", "1")).noColor()).isTrue();
        // the test JVM's stdout is a pipe to the build, not a terminal
        assertThat(Terminal.detect(Map.of()).stdoutTty()).isFalse();
    }
}
