package dev.strata.scanner.sbom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code LicenseRef-…} identifiers of an SPDX document for declared license strings that are no SPDX
 * expression, and the {@code hasExtractedLicensingInfos} entries that define them.
 */
final class SpdxLicenseRefs {

    static final String NOASSERTION = "NOASSERTION";

    private final Map<String, String> idByName = new TreeMap<>();

    /** Registers every non-SPDX string of all packages first, sorted, so that ids do not depend on order. */
    SpdxLicenseRefs(List<SbomPackage> packages) {
        TreeSet<String> names = new TreeSet<>();
        for (SbomPackage p : packages) {
            for (String declared : p.installed().pkg().licenses()) {
                if (!declared.isBlank() && !LicenseNormalizer.resolve(declared).isSpdx()) {
                    names.add(declared.strip());
                }
            }
        }
        Set<String> used = new HashSet<>();
        for (String name : names) {
            String base = "LicenseRef-" + SpdxWriter.sanitize(name);
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "-" + n;
            }
            idByName.put(name, id);
        }
    }

    /** The {@code licenseDeclared} value of a package: an SPDX expression with LicenseRefs, or NOASSERTION. */
    String declared(List<String> licenses) {
        List<String> terms = licenses.stream().filter(s -> !s.isBlank()).map(s -> {
            DeclaredLicense l = LicenseNormalizer.resolve(s);
            return l.isSpdx() ? l.spdxExpression() : idByName.get(s.strip());
        }).toList();
        String expression = LicenseNormalizer.conjunction(terms);
        return expression == null ? NOASSERTION : expression;
    }

    /** The {@code hasExtractedLicensingInfos} array; empty when every license was SPDX. */
    ArrayNode extractedLicensingInfos() {
        ArrayNode infos = JsonNodeFactory.instance.arrayNode();
        idByName.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            ObjectNode info = infos.addObject();
            info.put("licenseId", e.getValue());
            info.put("name", e.getKey());
            info.put("extractedText", e.getKey());
            info.put("comment", "License declared by name by the package; its text was not extracted.");
        });
        return infos;
    }
}
