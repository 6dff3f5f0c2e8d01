package dev.patchchain.bench;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.plan.InstallerEngine;
import dev.patchchain.core.plan.PackageFile;
import dev.patchchain.core.plan.RegistryWrite;
import dev.patchchain.core.plan.UpdatePackage;
import dev.patchchain.core.plan.WriteMode;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A patch window for {@code patchchain plan}: {@code packages} packages of {@code files} files each; 20% of each
 * package's files come from a pool shared by all packages (the pool holds as many files as one package shares, so
 * a shared file is touched by about a fifth of the packages), the rest are its own. Engines cycle through the four
 * models; versions are random; every target is on disk at version 10.0.1.0, in use. Packages 3 and 5 write the
 * same {@code RunOnce} value, the first appending, the second setting: a reboot is required between them, so the
 * schedule search runs too.
 *
 * @param packages the packages, in install order
 * @param disk     the disk now
 */
public record PlanWorkload(List<UpdatePackage> packages, InMemoryVolume disk) {

    private static final String RUN_ONCE = "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce";

    /**
     * @param packages how many packages
     * @param files    files per package
     * @param seed     the seed of the overlap and the versions
     * @return the workload
     */
    public static PlanWorkload generate(int packages, int files, long seed) {
        Random random = new Random(seed);
        int shared = files / 5;
        InMemoryVolume disk = new InMemoryVolume();
        List<UpdatePackage> list = new ArrayList<>();
        for (int p = 0; p < packages; p++) {
            Set<String> paths = new LinkedHashSet<>();
            while (paths.size() < shared) {
                paths.add("C:\\Windows\\System32\\shared" + random.nextInt(shared * packages / 5 + 1) + ".dll");
            }
            for (int f = paths.size(); f < files; f++) {
                paths.add("C:\\Program Files\\Vendor" + p + "\\own" + f + ".dll");
            }
            List<PackageFile> pkgFiles = new ArrayList<>();
            for (String path : paths) {
                WinPath target = WinPath.parse(path);
                disk.putFile(target, FileFacts.versioned(4096, new FileVersion(10, 0, 1, 0)));
                pkgFiles.add(new PackageFile(target, new FileVersion(10, 0, 2 + random.nextInt(1000), 0), true));
            }
            List<RegistryWrite> writes = p == 3 || p == 5
                    ? List.of(new RegistryWrite(RUN_ONCE, "Setup", true, p == 3 ? WriteMode.APPEND : WriteMode.SET,
                            List.of("setup" + p + ".exe")))
                    : List.of();
            InstallerEngine engine = InstallerEngine.values()[p % InstallerEngine.values().length];
            list.add(new UpdatePackage("KB" + (1000 + p), engine, engine.defaultPolicy(), pkgFiles, writes));
        }
        return new PlanWorkload(List.copyOf(list), disk);
    }
}
