package dev.strata.scanner.image;

/** An image platform {@code os/architecture[/variant]}, as {@code --platform} takes it. */
public record Platform(String os, String architecture, String variant) {
    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);

    public Platform {
        if (os == null || os.isBlank() || architecture == null || architecture.isBlank()) {
            throw new IllegalArgumentException("platform needs an os and an architecture");
        }
        if (variant != null && variant.isBlank()) {
            variant = null;
        }
    }

    /** Parses {@code os/arch[/variant]}. */
    public static Platform parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("malformed platform '" + text + "': expected os/arch[/variant]");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /**
     * True when {@code candidate} satisfies this requested platform: same os and architecture, and the same
     * variant when this one names a variant (arm64 without a variant matches arm64/v8, as Docker does).
     */
    public boolean matches(Platform candidate) {
        if (!os.equals(candidate.os) || !architecture.equals(candidate.architecture)) {
            return false;
        }
        if (variant == null || variant.equals(candidate.variant)) {
            return true;
        }
        return "arm64".equals(architecture) && "v8".equals(variant) && candidate.variant == null;
    }

    @Override
    public String toString() {
        return variant == null ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
    }
}
