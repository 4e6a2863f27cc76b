package dev.strata.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizeConverterTest {
    final ByteSizeConverter converter = new ByteSizeConverter();

    @Test
    void bareNumbersAreBytesAndUnitsScale() {
        assertThat(converter.convert("1048576")).isEqualTo(1_048_576L);
        assertThat(converter.convert("0")).isZero();
        assertThat(converter.convert("4KiB")).isEqualTo(4096L);
        assertThat(converter.convert("10GB")).isEqualTo(10_000_000_000L);
        assertThat(converter.convert("64G")).isEqualTo(64L << 30);
        assertThatThrownBy(() -> converter.convert("12iB")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
