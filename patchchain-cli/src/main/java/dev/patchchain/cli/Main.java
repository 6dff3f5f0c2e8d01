package dev.patchchain.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.Charset;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The entry point. {@link #run(CliContext, String...)} runs one command line and returns its exit code without
 * exiting, so tests call it in-process; {@link #main} wires it to the real process.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs a command line and exits with its {@link ExitCode}.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        Charset console = Charset.defaultCharset();
        CliContext context = new CliContext(new PrintWriter(new java.io.OutputStreamWriter(System.out, console), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, console), true), System.in, System.getenv(),
                Path.of("").toAbsolutePath());
        System.exit(run(context, args));
    }

    /**
     * Runs a command line.
     *
     * @param context the streams, environment and working directory the command may use
     * @param args    the arguments
     * @return the exit code (see {@link ExitCode})
     */
    public static int run(CliContext context, String... args) {
        int code = commandLine(context, args).execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** @return the command tree for {@code args} (see {@link CommandRegistry}), wired to the context */
    static CommandLine commandLine(CliContext context, String... args) {
        CommandLine commandLine = new CommandLine(new PatchchainCommand(), new ContextFactory(context));
        CommandRegistry.register(commandLine, args);
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ExceptionMapper());
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("patchchain: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCode.USAGE_OR_INPUT.code();
        });
        return commandLine;
    }

    /** Creates commands, handing the {@link CliContext} to those whose constructor takes one. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliContext.class) {
                    c.setAccessible(true);
                    return type.cast(c.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
