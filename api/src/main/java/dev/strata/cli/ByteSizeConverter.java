package dev.strata.cli;

import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses byte sizes such as {@code 1048576}, {@code 512MiB}, {@code 10GB} or {@code 64G} (binary when 'i' or bare letter). */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?)(b?)");

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(2).isEmpty() && !m.group(3).isEmpty())) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size like 1048576, 512MiB or 10GB");
        }
        long number = Long.parseLong(m.group(1));
        int power = m.group(2).isEmpty() ? 0 : "kmgt".indexOf(m.group(2)) + 1; // indexOf("") is 0: a bare number is bytes
        boolean decimal = m.group(3).isEmpty() && !m.group(4).isEmpty() && power > 0;
        long unit = 1;
        for (int i = 0; i < power; i++) {
            unit *= decimal ? 1000 : 1024;
        }
        if (number > Long.MAX_VALUE / unit) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large");
        }
        return number * unit;
    }
}
