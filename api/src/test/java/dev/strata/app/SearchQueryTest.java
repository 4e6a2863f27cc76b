package dev.strata.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchQueryTest {
    @Test
    void parsesFieldsAndBareForms() {
        assertThat(SearchQuery.parse("purl:pkg:maven/org.apache.logging.log4j/log4j-core*"))
                .isEqualTo(new SearchQuery(SearchQuery.Field.PURL, "pkg:maven/org.apache.logging.log4j/log4j-core*"));
        assertThat(SearchQuery.parse("pkg:npm/lodash@4.17.15").field()).isEqualTo(SearchQuery.Field.PURL);
        assertThat(SearchQuery.parse("/usr/lib/*").stem()).isEqualTo("/usr/lib/");
        assertThat(SearchQuery.parse("path:/etc/passwd").isPrefix()).isFalse();
        assertThat(SearchQuery.parse("name:org.apache.logging.log4j:log4j-core").value())
                .isEqualTo("org.apache.logging.log4j:log4j-core");
        String hex = "a".repeat(64);
        assertThat(SearchQuery.parse("sha256:" + hex).value()).isEqualTo("sha256:" + hex);
        assertThat(SearchQuery.parse("SHA256:sha256:" + hex.toUpperCase()).value()).isEqualTo("sha256:" + hex);
    }

    @Test
    void rejectsUnknownFieldsEmptyValuesAndBadHashes() {
        assertThatThrownBy(() -> SearchQuery.parse("color:red")).hasMessageContaining("unknown field 'color'");
        assertThatThrownBy(() -> SearchQuery.parse("log4j")).hasMessageContaining("expected purl:");
        assertThatThrownBy(() -> SearchQuery.parse("path:")).hasMessageContaining("empty search value");
        assertThatThrownBy(() -> SearchQuery.parse("sha256:xyz")).hasMessageContaining("malformed sha256");
    }
}
