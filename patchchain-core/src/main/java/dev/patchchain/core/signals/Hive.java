package dev.patchchain.core.signals;

/** The two machine hives the reboot signals live in ({@code HKLM\SYSTEM} and {@code HKLM\SOFTWARE}). */
public enum Hive {
    /** {@code HKLM\SYSTEM}: {@code Windows\System32\config\SYSTEM}; keys below the current control set. */
    SYSTEM,
    /** {@code HKLM\SOFTWARE}: {@code Windows\System32\config\SOFTWARE}. */
    SOFTWARE
}
