package dev.strata.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {
    @Test
    void alignsColumnsAndTrimsTrailingSpace() {
        String text = new TextTable("A", "LONG HEADER", "C").row("xx", "1", "").row("y", "22222222222222", "z").render();
        assertThat(text).isEqualTo("""
                A   LONG HEADER     C
                xx  1
                y   22222222222222  z
                """);
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new TextTable("A", "B").row("1")).hasMessageContaining("expected 2 cells");
    }

    @Test
    void sizesUseDecimalUnits() {
        assertThat(Sizes.human(999)).isEqualTo("999 B");
        assertThat(Sizes.human(1500)).isEqualTo("1.5 kB");
        assertThat(Sizes.human(72_400_000)).isEqualTo("72.4 MB");
        assertThat(Sizes.human(-1)).isEqualTo("-");
    }
}
