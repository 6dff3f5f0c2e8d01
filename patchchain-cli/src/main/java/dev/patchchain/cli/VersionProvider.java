package dev.patchchain.cli;

import picocli.CommandLine;

/** {@code --version}: the version recorded in the jar's manifest when it was built. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** @return the tool version, or {@code "dev"} when run from classes rather than the jar */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"patchchain " + version(), "Java " + System.getProperty("java.version")};
    }
}
