package dev.patchchain.core.plan;

import dev.patchchain.core.path.WinPath;
import java.util.List;

/**
 * One atomic step of an install. Each step reads or writes exactly one {@link Resource}, which is what makes steps
 * on different resources commute.
 */
sealed interface Step {

    /** @return the index of the package the step belongs to */
    int pkg();

    /** @return what the step reads or writes */
    Resource resource();

    /**
     * @param before   the resource's cell before the step
     * @param packages every package, by index
     * @return the cell after the step
     */
    Cell apply(Cell before, List<UpdatePackage> packages);

    /**
     * @param before   the resource's cell before the step
     * @param packages every package, by index
     * @return the step as a person would follow it
     */
    String describe(Cell before, List<UpdatePackage> packages);

    /** The installer looks at the target (and the queue, if its policy says so) and decides. */
    record CheckFile(int pkg, PackageFile file) implements Step {
        @Override
        public Resource resource() {
            return new Resource.FileTarget(file.target());
        }

        @Override
        public Cell apply(Cell before, List<UpdatePackage> packages) {
            FileCell c = (FileCell) before;
            return c.decide(pkg, packages.get(pkg).policy().replaces(file.version(), c.disk(), c.queuedVersions()));
        }

        @Override
        public String describe(Cell before, List<UpdatePackage> packages) {
            FileCell c = (FileCell) before;
            UpdatePackage p = packages.get(pkg);
            boolean replace = p.policy().replaces(file.version(), c.disk(), c.queuedVersions());
            List<String> inQueue = c.queueText();
            String queued = inQueue.isEmpty() ? "nothing queued" : "queued " + inQueue;
            String looks = p.policy() == ReplacePolicy.DISK_ONLY
                    ? " (it does not look at the queue, where " + queued + ")"
                    : ", " + queued;
            return p.label() + " reads " + file.target() + ": " + FileCell.show(c.disk()) + " on disk" + looks
                    + (replace ? ", so it will install " : ", so it keeps it and skips ") + file.version();
        }
    }

    /**
     * The installer carries out its decision: writes the file, or stages it as {@code staged} and queues the
     * rename.
     */
    record ApplyFile(int pkg, PackageFile file, WinPath staged) implements Step {
        @Override
        public Resource resource() {
            return new Resource.FileTarget(file.target());
        }

        @Override
        public Cell apply(Cell before, List<UpdatePackage> packages) {
            UpdatePackage p = packages.get(pkg);
            return ((FileCell) before).carryOut(pkg, staged, file.version(), throughQueue(p));
        }

        private boolean throughQueue(UpdatePackage p) {
            return file.inUse() || p.engine().alwaysAtBoot();
        }

        @Override
        public String describe(Cell before, List<UpdatePackage> packages) {
            FileCell c = (FileCell) before;
            UpdatePackage p = packages.get(pkg);
            if (!Boolean.TRUE.equals(c.decisions().get(pkg))) {
                return p.id() + " leaves " + file.target().fileName() + " alone";
            }
            if (!throughQueue(p)) {
                return p.id() + " writes " + file.target().fileName() + " " + file.version() + " directly (not in use)";
            }
            return p.id() + " stages " + file.target().fileName() + " " + file.version() + " as "
                    + staged.fileName() + " and queues its rename onto " + file.target().fileName()
                    + (file.inUse() ? " (in use)" : " (applied at boot)");
        }
    }

    /** An appending installer reads the whole value (the first half of its unlocked read-modify-write). */
    record ReadValue(int pkg, RegistryWrite write) implements Step {
        @Override
        public Resource resource() {
            return Resource.Value.of(write);
        }

        @Override
        public Cell apply(Cell before, List<UpdatePackage> packages) {
            return ((ValueCell) before).read(pkg);
        }

        @Override
        public String describe(Cell before, List<UpdatePackage> packages) {
            return packages.get(pkg).label() + " reads " + write.display() + ": "
                    + ValueCell.show(((ValueCell) before).value());
        }
    }

    /** The installer writes the value: its strings alone (set) or after what it read (append). */
    record WriteValue(int pkg, RegistryWrite write) implements Step {
        @Override
        public Resource resource() {
            return Resource.Value.of(write);
        }

        @Override
        public Cell apply(Cell before, List<UpdatePackage> packages) {
            return ((ValueCell) before).write(pkg, write);
        }

        @Override
        public String describe(Cell before, List<UpdatePackage> packages) {
            ValueCell c = (ValueCell) before;
            ValueCell after = c.write(pkg, write);
            String how = write.mode() == WriteMode.SET
                    ? " sets " + write.display() + " to " + write.data() + ", overwriting " + ValueCell.show(c.value())
                    : " appends " + write.data() + " to what it read: " + write.display() + " is now "
                            + ValueCell.show(after.value());
            return packages.get(pkg).id() + how;
        }
    }
}
