package dev.strata.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest (or "dev" when run from classes). */
public final class StrataVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = StrataVersion.class.getPackage().getImplementationVersion();
        return new String[] {"strata " + (version == null ? "dev" : version)};
    }
}
