package dev.patchchain.core.volume;

import java.util.Objects;

/** What a {@link VolumeState} has at a path: nothing, a directory, a file, or (without an image) unknown. */
public sealed interface PathState {

    /** Nothing is at the path. */
    PathState ABSENT = new Absent();
    /** A directory is at the path. */
    PathState DIRECTORY = new Directory();
    /** Nothing can be said: no image was given. */
    PathState UNKNOWN = new Unknown();

    /** @return true if a file or directory is known to be at the path */
    default boolean exists() {
        return this instanceof File || this instanceof Directory;
    }

    /**
     * @param facts what is known about the file
     * @return the state of a path holding a file
     */
    static PathState file(FileFacts facts) {
        return new File(facts);
    }

    /** Nothing at the path. */
    record Absent() implements PathState {
    }

    /** A directory at the path. */
    record Directory() implements PathState {
    }

    /** Not known, for example because no volume was given. */
    record Unknown() implements PathState {
    }

    /**
     * A file at the path.
     *
     * @param facts its size and version
     */
    record File(FileFacts facts) implements PathState {
        /** Requires facts. */
        public File {
            Objects.requireNonNull(facts, "facts");
        }
    }
}
