package dev.strata.scanner.vuln.osv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OsvWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33", "GHSA-p6mc-m468-83gw",
            "GHSA-35jh-r3h4-6jhm", "DSA-3029-1"})
    void realRecordsReadBackEqual(String id) throws OsvFormatException {
        OsvRecord record = OsvTestRecords.real(id);
        String json = OsvWriter.toJson(record);
        assertEquals(record, new OsvParser().parse(json.getBytes(StandardCharsets.UTF_8), id));
    }

    @Test
    void databaseSpecificSeverityIsKept() throws OsvFormatException {
        OsvRecord record = OsvTestRecords.real("GHSA-p6mc-m468-83gw");
        OsvRecord back = new OsvParser().parse(OsvWriter.toJson(record).getBytes(StandardCharsets.UTF_8), "x");
        assertEquals(record.databaseSpecific(), back.databaseSpecific());
    }
}
