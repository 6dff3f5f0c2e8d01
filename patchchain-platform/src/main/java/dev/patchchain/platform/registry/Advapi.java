package dev.patchchain.platform.registry;

/**
 * The five Advapi32 registry calls {@link WindowsRegistryView} makes, as Win32 defines them: a status code per call
 * (the {@code ERROR_*} constants), caller-sized buffers, out-parameters in one-element arrays. It exists so that the
 * mapping on top of it (paths, types, errors, enumeration, buffer growth) runs on any OS against a fake; the real
 * one is {@link JnaAdvapi}. Keys are opened below one predefined root the implementation fixes.
 */
interface Advapi {

    /** The call succeeded. */
    int ERROR_SUCCESS = 0;
    /** No such key or value. */
    int ERROR_FILE_NOT_FOUND = 2;
    /** The caller may not open the key. */
    int ERROR_ACCESS_DENIED = 5;
    /** The buffer is too small; for a value, the size out-parameter holds the size needed. */
    int ERROR_MORE_DATA = 234;
    /** Enumeration past the last subkey. */
    int ERROR_NO_MORE_ITEMS = 259;

    /**
     * {@code RegOpenKeyEx(root, path, 0, KEY_READ | KEY_WOW64_64KEY, &key)}.
     *
     * @param path the key below the root
     * @param key  receives the handle
     * @return a status code
     */
    int openKey(String path, long[] key);

    /**
     * {@code RegEnumKeyEx(key, index, name, &length, ...)}.
     *
     * @param key    an open key
     * @param index  the subkey's index, from 0
     * @param name   the buffer for the name and its NUL
     * @param length in: the buffer's length in characters; out: the name's length without the NUL
     * @return a status code ({@link #ERROR_NO_MORE_ITEMS} past the end, {@link #ERROR_MORE_DATA} if the name does
     *         not fit)
     */
    int enumKey(long key, int index, char[] name, int[] length);

    /**
     * {@code RegQueryValueEx(key, name, NULL, &type, data, &size)}.
     *
     * @param key  an open key
     * @param name the value's name, {@code ""} for the default value
     * @param type receives the registry type
     * @param data the buffer for the bytes
     * @param size in: the buffer's length; out: the bytes written, or with {@link #ERROR_MORE_DATA} the bytes needed
     * @return a status code
     */
    int queryValue(long key, String name, int[] type, byte[] data, int[] size);

    /**
     * {@code RegQueryInfoKey(key, ..., &lastWriteTime)}.
     *
     * @param key      an open key
     * @param fileTime receives the last write time as a FILETIME (100 ns ticks since 1601-01-01 UTC)
     * @return a status code
     */
    int lastWriteTime(long key, long[] fileTime);

    /**
     * {@code RegCloseKey(key)}.
     *
     * @param key an open key
     */
    void closeKey(long key);

    /**
     * @param status a status code
     * @return the system's text for it
     */
    String message(int status);
}
