package dev.patchchain.cli.hive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.UsageException;
import dev.patchchain.cli.render.Json;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfKey;
import dev.patchchain.formats.regf.RegfValue;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchchain hive get FILE KEYPATH [VALUE]}: a key's values (or one value), decoded by type. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Print the values of the key KEYPATH (or only VALUE; use \"\" for the default value), "
                + "decoded by type. Exit 2 if the key or value does not exist.")
final class HiveGetCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private HiveOptions hive;

    @Parameters(index = "1", paramLabel = "KEYPATH", description = "A key below the hive root.")
    private String keyPath;

    @Parameters(index = "2", arity = "0..1", paramLabel = "VALUE", description = "One value's name.")
    private String valueName;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    HiveGetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        try (RegfHive file = hive.open(context)) {
            RegfKey key = file.key(keyPath).orElseThrow(() -> new UsageException("no key " + keyPath + " in " + hive.file));
            List<RegfValue> values = valueName == null ? key.values()
                    : List.of(key.value(valueName).orElseThrow(() -> new UsageException(
                            "no value \"" + valueName + "\" in " + keyPath)));
            if (json) {
                context.out().println(Json.write(json(key, values)));
            } else {
                for (RegfValue v : values) {
                    context.out().println((v.name().isEmpty() ? "(default)" : v.name()) + "  "
                            + ValueText.typeName(v.type()) + "  " + ValueText.describe(v));
                }
            }
            HiveOptions.warn(file, context.err());
            return ExitCode.CLEAN.code();
        }
    }

    private static ObjectNode json(RegfKey key, List<RegfValue> values) {
        ObjectNode root = Json.object();
        root.put("command", "hive get");
        root.put("key", key.path());
        root.put("last_written", key.lastWritten().toString());
        ArrayNode array = root.putArray("values");
        for (RegfValue v : values) {
            ObjectNode n = array.addObject();
            n.put("name", v.name());
            n.put("type", ValueText.typeName(v.type()));
            n.put("type_number", v.type());
            n.put("data_hex", ValueText.hex(v.data()));
            ValueText.strings(v).ifPresent(s -> n.set("strings", Json.strings(s)));
            ValueText.number(v).ifPresent(x -> n.put("number", x));
        }
        return root;
    }
}
