package dev.strata.scanner.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackTest {
    @ParameterizedTest
    @CsvSource({"localhost,true", "localhost:5000,true", "127.0.0.1:5000,true", "127.255.3.9,true",
            "[::1]:5000,true", "::1,true", "registry.localhost:80,true", "128.0.0.1,false",
            "127.0.0.1.example.com,false", "example.com:5000,false", "10.0.0.1,false", "localhost.example,false"})
    void detectsLoopback(String host, boolean loopback) {
        assertThat(Loopback.isLoopback(host)).isEqualTo(loopback);
    }
}
