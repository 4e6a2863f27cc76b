package dev.strata.scanner.packages.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StanzaReaderTest {

    @Test
    void readsStanzasWithContinuationsAndRepeatedFields() {
        String text = """
                Package: a
                Description: short
                 long line one
                 .
                 long line two

                package: b
                Classifier: x
                Classifier: y
                """;
        var reader = new StanzaReader();
        var stanzas = reader.readAll(text);
        assertThat(stanzas).hasSize(2);
        assertThat(stanzas.get(0).first("Description")).contains("short\nlong line one\n.\nlong line two");
        assertThat(stanzas.get(1).first("Package")).contains("b");
        assertThat(stanzas.get(1).firstLine()).isEqualTo(7);
        assertThat(stanzas.get(1).all("classifier")).containsExactly("x", "y");
        assertThat(reader.warnings()).isEmpty();
    }

    @Test
    void badLinesBecomeWarningsWithLineNumbers() {
        var reader = new StanzaReader();
        var stanzas = reader.readAll(" orphan continuation\nPackage: a\nno colon here\n");
        assertThat(stanzas).hasSize(1);
        assertThat(reader.warnings()).extracting(Object::toString).containsExactly(
                "line 1: continuation line without a field:  orphan continuation",
                "line 3: expected 'Field: value' but found: no colon here");
    }

    @Test
    void headerStopsAtFirstBlankLine() throws Exception {
        var in = new ByteArrayInputStream("Name: x\nVersion: 1\n\nBody: not a header\n".getBytes(StandardCharsets.UTF_8));
        Stanza header = new StanzaReader().readHeader(in);
        assertThat(header.has("Body")).isFalse();
        assertThat(header.first("Version")).contains("1");
    }
}
