package dev.strata.scanner.sbom;

import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.license.Expression;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The CycloneDX {@code licenses} of a package: one {@code license.id} per listed SPDX id and one
 * {@code license.name} per other string; a single {@code expression} when an SPDX expression is declared and
 * every declared string is SPDX (CycloneDX does not allow expressions beside license objects).
 */
final class CycloneDxLicenses {

    private CycloneDxLicenses() {
    }

    /** The license choice for the declared strings, or null when none is declared. */
    static LicenseChoice of(List<String> declared) {
        List<DeclaredLicense> licenses = new LinkedHashSet<>(declared).stream()
                .filter(s -> !s.isBlank())
                .map(LicenseNormalizer::resolve)
                .toList();
        if (licenses.isEmpty()) {
            return null;
        }
        LicenseChoice choice = new LicenseChoice();
        boolean allSpdx = licenses.stream().allMatch(DeclaredLicense::isSpdx);
        boolean anyExpression = licenses.stream().anyMatch(l -> l.isSpdx() && !l.isSingleId());
        if (allSpdx && anyExpression) {
            choice.setExpression(new Expression(LicenseNormalizer.conjunction(
                    licenses.stream().map(DeclaredLicense::spdxExpression).toList())));
            return choice;
        }
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (DeclaredLicense l : licenses) {
            License license = new License();
            if (l.isSingleId()) {
                license.setId(l.spdxExpression());
            } else {
                license.setName(l.declared().strip());
            }
            if (seen.add(license.getId() + "\n" + license.getName())) {
                choice.addLicense(license);
            }
        }
        return choice;
    }
}
