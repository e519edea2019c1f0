package se.samband.hub.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (set by the build), or "development" when run from classes. */
class SambandVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SambandVersion.class.getPackage().getImplementationVersion();
        return new String[] {"samband " + (version == null ? "development" : version)};
    }
}
