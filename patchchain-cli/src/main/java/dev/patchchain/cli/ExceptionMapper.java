package dev.patchchain.cli;

import dev.patchchain.core.path.WinPathException;
import dev.patchchain.fleet.snapshot.SnapshotException;
import dev.patchchain.formats.FormatException;
import dev.patchchain.platform.registry.NotAdministratorException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;

/**
 * The one place that turns an exception into a message and an {@link ExitCode}: bad input (unreadable format,
 * missing input file, bad path, missing administrator rights for {@code --live}) is 2, failing I/O and bugs are 3
 * (a queue changed by another program during a write, too: {@code docs/apply.md#exit-codes}; a registry key a reading
 * {@code --live} may not open, too: {@code RegistryAccessDeniedException} is an {@link IOException}).
 */
final class ExceptionMapper implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        ExitCode code = map(e);
        Throwable shown = e instanceof UncheckedIOException u ? u.getCause() : e;
        String prefix = code == ExitCode.FAILURE && !(shown instanceof IOException) ? "internal error: " : "error: ";
        err.println("patchchain: " + prefix + describe(shown));
        if (code == ExitCode.FAILURE && !(shown instanceof IOException)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    static ExitCode map(Throwable e) {
        if (e instanceof UncheckedIOException u) {
            return map(u.getCause());
        }
        if (e instanceof UsageException || e instanceof CommandLine.ParameterException || e instanceof FormatException
                || e instanceof WinPathException || e instanceof NoSuchFileException || e instanceof NotDirectoryException
                || e instanceof AccessDeniedException || e instanceof SnapshotException
                || e instanceof NotAdministratorException) {
            return ExitCode.USAGE_OR_INPUT;
        }
        return ExitCode.FAILURE;
    }

    private static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
