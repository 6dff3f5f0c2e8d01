package dev.patchchain.cli.signals;

import dev.patchchain.cli.hive.ImagePendingXml;
import dev.patchchain.core.analysis.Attribution;
import java.util.List;
import java.util.Set;

/**
 * What {@code signals} read, for the report's header.
 *
 * @param system   the SYSTEM hive file
 * @param software the SOFTWARE hive file
 * @param volume   the volume the queue's sources were checked on, or {@code none}
 * @param ignored  the attribution classes that do not count
 * @param warnings the hive readers' warnings
 * @param pendingXml servicing's {@code WinSxS\pending.xml} on the image, or {@code null} if none was read
 */
record SignalsInput(String system, String software, String volume, Set<Attribution> ignored, List<String> warnings,
                    ImagePendingXml pendingXml) {
}
