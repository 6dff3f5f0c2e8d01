package dev.patchchain.core.queue;

/** The two registry values that hold the queue, in the order the session manager reads them. */
public enum QueueValueName {
    /** {@code PendingFileRenameOperations}: read first. */
    PENDING_FILE_RENAME_OPERATIONS("PendingFileRenameOperations"),
    /** {@code PendingFileRenameOperations2}: read second; its entries run after those of the first value. */
    PENDING_FILE_RENAME_OPERATIONS_2("PendingFileRenameOperations2");

    /** The registry key both values live in, below the control set. */
    public static final String KEY_BELOW_CONTROL_SET = "Control\\Session Manager";

    private final String registryName;

    QueueValueName(String registryName) {
        this.registryName = registryName;
    }

    /** @return the value name as it is in the registry */
    public String registryName() {
        return registryName;
    }

    /**
     * @param name a registry value name, any case
     * @return the matching queue value, or {@code null}
     */
    public static QueueValueName fromRegistryName(String name) {
        for (QueueValueName v : values()) {
            if (v.registryName.equalsIgnoreCase(name)) {
                return v;
            }
        }
        return null;
    }
}
