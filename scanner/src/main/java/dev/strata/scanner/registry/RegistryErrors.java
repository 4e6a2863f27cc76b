package dev.strata.scanner.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns a registry error body ({@code {"errors":[{"code","message"}]}}) into a short text for messages. */
public final class RegistryErrors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RegistryErrors() {
    }

    /** {@code CODE: message; CODE2: message2}, or "" when the body is not a distribution error. */
    public static String describe(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return "";
        }
        if (contentType != null && contentType.toLowerCase().startsWith("text/html")) {
            return "an HTML page";
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            List<String> parts = new ArrayList<>();
            for (JsonNode e : root.path("errors")) {
                String code = e.path("code").asText("");
                String message = e.path("message").asText("");
                parts.add(code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message);
            }
            return String.join("; ", parts);
        } catch (Exception e) {
            String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
            return text.replaceAll("\\s+", " ");
        }
    }
}
