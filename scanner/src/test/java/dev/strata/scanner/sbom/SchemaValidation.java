package dev.strata.scanner.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;

/**
 * The official JSON schemas: CycloneDX 1.6 (with the {@code spdx.schema.json} and {@code jsf-0.82.schema.json} it
 * references) from the cyclonedx-core-java jar on the classpath, SPDX 2.3 from this package's test resources.
 */
final class SchemaValidation {

    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            b -> b.schemaMappers(m -> m.mapPrefix("http://cyclonedx.org/schema/", "classpath:")));
    static final JsonSchema CYCLONEDX_16 =
            FACTORY.getSchema(SchemaLocation.of("http://cyclonedx.org/schema/bom-1.6.schema.json"), CONFIG);
    static final JsonSchema SPDX_23 =
            FACTORY.getSchema(SchemaLocation.of("classpath:dev/strata/scanner/sbom/spdx-2.3-schema.json"), CONFIG);

    private SchemaValidation() {
    }

    /** The validation errors, as text. */
    static List<String> errors(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::toString).sorted().toList();
    }
}
