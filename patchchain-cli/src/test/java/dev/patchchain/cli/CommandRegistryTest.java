package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.cli.hive.HiveCommand;
import dev.patchchain.cli.queue.QueueCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CommandRegistryTest {

    private static final Pattern COMMAND_LINE = Pattern.compile("(?m)^  ([a-z-]+)  ");

    @TempDir
    Path dir;

    static List<String> commands() {
        return CommandRegistry.NAMES.stream().filter(name -> !name.equals("help")).toList();
    }

    @Test
    void helpListsEveryCommandInRegistryOrder() {
        CliRun run = CliRun.run(dir, "--help");

        assertThat(run.exit()).isZero();
        String commands = run.out().substring(run.out().indexOf("Commands:"));
        Matcher m = COMMAND_LINE.matcher(commands);
        List<String> listed = m.results().map(r -> r.group(1)).toList();
        assertThat(listed).containsExactlyElementsOf(CommandRegistry.NAMES);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void eachNameIsItsCommandsAnnotatedName(String name) {
        Class<?> type = CommandRegistry.type(name).orElseThrow();

        assertThat(type.getAnnotation(Command.class).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aCommandBuiltAloneHasTheHelpOfTheWholeTree(String name) {
        CliRun alone = CliRun.run(dir, name, "--help");
        CliRun viaTree = CliRun.run(dir, "help", name);

        assertThat(alone.exit()).isZero();
        assertThat(alone.out()).startsWith("Usage: patchchain " + name).isEqualTo(viaTree.out());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aCommandBuiltAloneRunsAndReportsUsageErrorsWithItsQualifiedName(String name) {
        CliRun run = CliRun.run(dir, name, "--no-such-option");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("patchchain: ").endsWith("Try 'patchchain " + name + " --help'."
                + System.lineSeparator());
    }

    static Stream<Arguments> groupSubcommands() {
        return Stream.concat(QueueCommand.SUBCOMMANDS.stream().map(child -> Arguments.of("queue", child)),
                HiveCommand.SUBCOMMANDS.stream().map(child -> Arguments.of("hive", child)));
    }

    @ParameterizedTest
    @MethodSource("groupSubcommands")
    void aSubcommandBuiltAloneHasTheHelpOfTheWholeTreeAndRuns(String group, String child) {
        CliRun alone = CliRun.run(dir, group, child, "--help");
        CommandLine wholeTree = Main.commandLine(new CliContext(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), InputStream.nullInputStream(), Map.of(), dir));
        CliRun bad = CliRun.run(dir, group, child, "--no-such-option");

        assertThat(alone.exit()).isZero();
        assertThat(alone.out()).startsWith("Usage: patchchain " + group + " " + child)
                .isEqualTo(wholeTree.getSubcommands().get(group).getSubcommands().get(child).getUsageMessage());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).endsWith("Try 'patchchain " + group + " " + child + " --help'." + System.lineSeparator());
    }

    @Test
    void aGroupWithoutAKnownSubcommandListsThemAll() {
        CliRun help = CliRun.run(dir, "queue", "--help");
        CliRun unknown = CliRun.run(dir, "hive", "shw");

        assertThat(COMMAND_LINE.matcher(help.out().substring(help.out().indexOf("Commands:"))).results()
                .map(r -> r.group(1)).toList()).containsExactlyElementsOf(QueueCommand.SUBCOMMANDS);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("'shw'").contains("Try 'patchchain hive --help'.");
    }

    @Test
    void anUnknownFirstArgumentIsReportedAgainstTheWholeTree() {
        CliRun unknown = CliRun.run(dir, "quue");
        CliRun unknownHelp = CliRun.run(dir, "help", "nosuch");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("patchchain: Unmatched argument at index 0: 'quue'" + System.lineSeparator()
                + "Try 'patchchain --help'." + System.lineSeparator());
        assertThat(unknownHelp.err()).contains("Unknown subcommand 'nosuch'.");
    }

    @Test
    void noArgumentsPrintsTheFullUsageAndExitsTwo() {
        CliRun run = CliRun.run(dir);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Commands:").contains("  serve  ").contains("  help  ");
    }
}
