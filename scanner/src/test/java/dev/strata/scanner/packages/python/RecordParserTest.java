package dev.strata.scanner.packages.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.packages.TestResources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordParserTest {

    private final RecordParser parser = new RecordParser();

    @Test
    void realRecord() throws Exception {
        var r = parser.parse(TestResources.open("python/PyYAML-6.0.RECORD"));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.items()).hasSize(23);
        assertThat(r.items().get(0)).isEqualTo(new RecordEntry("PyYAML-6.0.dist-info/METADATA",
                "sha256=Q56A1jQxEnzMMCyqgYkqM5Egvr9y18VExGF3ciGLjlY", 2005L));
        assertThat(r.items()).contains(new RecordEntry("PyYAML-6.0.dist-info/RECORD", null, null));
        assertThat(r.items().get(22).resolveAgainst("/usr/lib/python3/dist-packages"))
                .isEqualTo("/usr/lib/python3/dist-packages/yaml/tokens.py");
    }

    @Test
    void quotedPathsAndParentDirectories() throws Exception {
        var r = parser.parse(new ByteArrayInputStream("""
                "odd,name "" file.py",sha256=abc,10
                ../../../bin/tool,sha256=def,20
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.items()).extracting(RecordEntry::path).containsExactly("odd,name \" file.py", "../../../bin/tool");
        assertThat(r.items().get(1).resolveAgainst("/usr/local/lib/python3.11/site-packages"))
                .isEqualTo("/usr/local/bin/tool");
    }

    @Test
    void malformedRowsAreNamed() throws Exception {
        var r = parser.parse(new ByteArrayInputStream("""
                a.py,sha256=x
                b.py,sha256=y,big
                "c.py,sha256=z,1
                d.py,sha256=w,4
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.items()).extracting(RecordEntry::path).containsExactly("d.py");
        assertThat(r.warnings()).extracting(Object::toString).containsExactly(
                "line 1: expected 'path,hash,size' but found 2 column(s): a.py,sha256=x",
                "line 2: invalid size 'big'",
                "line 3: unterminated quote in: \"c.py,sha256=z,1");
    }
}
