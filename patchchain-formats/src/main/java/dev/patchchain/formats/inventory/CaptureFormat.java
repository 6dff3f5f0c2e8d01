package dev.patchchain.formats.inventory;

/** The kinds of installed-update capture {@link InstalledUpdatesReader} recognizes. */
public enum CaptureFormat {
    /** {@code systeminfo}: the numbered lines of its hotfix section, whatever the display language. */
    SYSTEMINFO("systeminfo"),
    /** {@code wmic qfe} or {@code wmic qfe list brief}: a fixed-width table under a row of property names. */
    WMIC_QFE_TABLE("wmic qfe"),
    /** {@code wmic qfe get ... /format:csv}: a {@code Node,...} header and comma-separated rows. */
    WMIC_QFE_CSV("wmic qfe"),
    /** {@code wmic qfe list full}: {@code Name=value} lines, one blank-line-separated block per update. */
    WMIC_QFE_LIST("wmic qfe"),
    /** {@code Get-HotFix}: a table whose columns are underlined with dashes. */
    GET_HOTFIX_TABLE("Get-HotFix"),
    /** {@code Get-HotFix | Format-List}: {@code Name : value} lines, one block per update. */
    GET_HOTFIX_LIST("Get-HotFix"),
    /** One {@code KB<n>: title} line per update, as in wesng's validation captures. */
    KB_LIST("KB list"),
    /** Nothing but blank lines (an empty {@code wmic qfe} capture). */
    EMPTY("empty capture");

    private final String tool;

    CaptureFormat(String tool) {
        this.tool = tool;
    }

    /** @return the tool that writes this kind of capture, as inventory entries name their source */
    public String tool() {
        return tool;
    }
}
