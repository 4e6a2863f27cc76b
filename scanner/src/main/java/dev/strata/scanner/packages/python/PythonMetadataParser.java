package dev.strata.scanner.packages.python;

import dev.strata.scanner.packages.ParseResult;
import dev.strata.scanner.packages.ParseWarning;
import dev.strata.scanner.packages.text.Stanza;
import dev.strata.scanner.packages.text.StanzaReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses Python core metadata ({@code *.dist-info/METADATA}, {@code *.egg-info/PKG-INFO}, {@code PKG-INFO}): the
 * RFC 822 header block only; the body after the first blank line (the long description) is ignored.
 *
 * <p>Licences: {@code License-Expression} (PEP 639) alone when present; otherwise a one-line {@code License}
 * (not {@code UNKNOWN}) followed by the last segment of each {@code Classifier: License :: ...}.
 */
public final class PythonMetadataParser {

    private static final String LICENSE_CLASSIFIER = "License ::";

    /** Parses one metadata file: at most one item; missing Name or Version gives a warning and no item. */
    public ParseResult<PythonPackage> parse(InputStream in) throws IOException {
        StanzaReader reader = new StanzaReader();
        Stanza header = reader.readHeader(in);
        List<ParseWarning> warnings = new ArrayList<>(reader.warnings());
        Optional<String> name = header.first("Name").filter(v -> !v.isEmpty());
        Optional<String> version = header.first("Version").filter(v -> !v.isEmpty());
        if (name.isEmpty() || version.isEmpty()) {
            warnings.add(new ParseWarning(header.fields().isEmpty() ? 0 : header.firstLine(),
                    "not a package: missing " + (name.isEmpty() ? "Name" : "Version") + " header"));
            return new ParseResult<>(List.of(), warnings);
        }
        PythonPackage pkg = new PythonPackage(name.get(), version.get(), licenses(header),
                header.first("Metadata-Version").orElse(null));
        return new ParseResult<>(List.of(pkg), warnings);
    }

    static List<String> licenses(Stanza header) {
        Optional<String> expression = header.first("License-Expression").filter(v -> !v.isEmpty());
        if (expression.isPresent()) {
            return List.of(expression.get());
        }
        Set<String> out = new LinkedHashSet<>();
        header.first("License")
                .filter(v -> !v.isEmpty() && !v.contains("\n") && !v.equalsIgnoreCase("UNKNOWN"))
                .ifPresent(out::add);
        for (String classifier : header.all("Classifier")) {
            if (classifier.startsWith(LICENSE_CLASSIFIER)) {
                String last = classifier.substring(classifier.lastIndexOf("::") + 2).strip();
                if (!last.isEmpty() && !last.equals("OSI Approved")) {
                    out.add(last);
                }
            }
        }
        return List.copyOf(out);
    }
}
