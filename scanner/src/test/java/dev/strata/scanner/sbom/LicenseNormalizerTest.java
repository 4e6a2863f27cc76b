package dev.strata.scanner.sbom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LicenseNormalizerTest {

    @Test
    void licenseListComesFromTheCycloneDxBundledSchema() {
        assertThat(SpdxLicenseList.size()).isGreaterThan(600);
        assertThat(SpdxLicenseList.canonical("apache-2.0")).contains("Apache-2.0");
        assertThat(SpdxLicenseList.canonical("Classpath-exception-2.0")).contains("Classpath-exception-2.0");
        assertThat(SpdxLicenseList.canonical("Apache 2.0")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MIT|MIT",
            "mit|MIT",
            "Apache-2.0|Apache-2.0",
            "BSD-3-clause|BSD-3-Clause",
            "MIT OR Apache-2.0|MIT OR Apache-2.0",
            "(MIT OR Apache-2.0) AND BSD-3-Clause|(MIT OR Apache-2.0) AND BSD-3-Clause",
            "MIT OR Apache-2.0 AND Zlib|MIT OR (Apache-2.0 AND Zlib)",
            "(MIT)|MIT",
            "mit or apache-2.0|MIT OR Apache-2.0",
            "GPL-2.0-only WITH Classpath-exception-2.0|GPL-2.0-only WITH Classpath-exception-2.0",
            "Apache-2.0+|Apache-2.0+",
            "GPL-2+|GPL-2.0-or-later",
            "GPL-2|GPL-2.0-only",
            "GPL-3+|GPL-3.0-or-later",
            "LGPL-2.1|LGPL-2.1-only",
            "LGPL-2.1+|LGPL-2.1-or-later",
            "LGPL-2|LGPL-2.0-only",
            "GPL-2.0+|GPL-2.0-or-later",
            "GPL-2.0|GPL-2.0-only",
            "AGPL-3+|AGPL-3.0-or-later",
            "GFDL-1.3+|GFDL-1.3-or-later",
            "GPL-2+ or LGPL-2.1+|GPL-2.0-or-later OR LGPL-2.1-or-later",
            "Expat|MIT",
            "Apache-2|Apache-2.0",
            "Apache 2.0|Apache-2.0",
            "Apache License, Version 2.0|Apache-2.0",
            "The Apache Software License, Version 2.0|Apache-2.0",
            "  Apache   License 2.0 |Apache-2.0",
            "MIT License|MIT",
            "The MIT License (MIT)|MIT",
            "License :: OSI Approved :: MIT License|MIT",
            "License :: OSI Approved :: BSD License|",
            "BSD|",
            "Artistic|",
            "GPL|",
            "public-domain|",
            "GPL-2+ with OpenSSL exception|",
            "GPL-2.0-only WITH MIT|",
            "MIT AND|",
            "(MIT|",
            "MIT)|",
            "AND MIT|",
            "MIT Apache-2.0|",
            "LicenseRef-acme|",
            "Acme Proprietary License|",
            "GPL-3.1+|",
            "MIT And Apache-2.0|",
    })
    void resolves(String declared, String expected) {
        DeclaredLicense license = LicenseNormalizer.resolve(declared);
        assertThat(license.declared()).isEqualTo(declared);
        assertThat(license.spdxExpression()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MIT", "GPL-2+", "Apache License, Version 2.0"})
    void singleIds(String declared) {
        assertThat(LicenseNormalizer.resolve(declared).isSingleId()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MIT OR Apache-2.0", "Apache-2.0+", "GPL-2.0-only WITH Classpath-exception-2.0", "BSD"})
    void notSingleIds(String declared) {
        assertThat(LicenseNormalizer.resolve(declared).isSingleId()).isFalse();
    }

    @Test
    void conjunctionGroupsCompoundTermsAndDropsRepeats() {
        assertThat(LicenseNormalizer.conjunction(List.of())).isNull();
        assertThat(LicenseNormalizer.conjunction(List.of("MIT", "MIT"))).isEqualTo("MIT");
        assertThat(LicenseNormalizer.conjunction(List.of("MIT", "Apache-2.0 OR BSD-3-Clause", "MIT")))
                .isEqualTo("MIT AND (Apache-2.0 OR BSD-3-Clause)");
    }
}
