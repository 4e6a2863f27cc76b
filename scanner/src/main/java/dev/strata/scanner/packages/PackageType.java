package dev.strata.scanner.packages;

/** Ecosystem of a detected package, with its package-URL type. */
public enum PackageType {
    DEB("deb"),
    APK("apk"),
    RPM("rpm"),
    NPM("npm"),
    MAVEN("maven"),
    PYPI("pypi"),
    GOLANG("golang");

    private final String purlType;

    PackageType(String purlType) {
        this.purlType = purlType;
    }

    /** The purl type string, e.g. {@code deb}. */
    public String purlType() {
        return purlType;
    }

    /** The type whose purl type is {@code purlType} ({@code deb}, {@code maven}…). */
    public static PackageType ofPurlType(String purlType) {
        for (PackageType t : values()) {
            if (t.purlType.equals(purlType)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown package type '" + purlType + "'");
    }

    /** Whether packages of this type belong to an operating-system distribution. */
    public boolean isOsPackage() {
        return this == DEB || this == APK || this == RPM;
    }
}
