package dev.patchchain.testing.sign;

import dev.patchchain.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Debian's {@code osslsigncode} (2.x) for tests: signs PE files with a {@link TestPki}, optionally with an
 * RFC 3161 timestamp from its built-in offline TSA ({@code -TSA-certs/-TSA-key/-TSA-time}), and reads the
 * Authenticode hash it calculates. Tests calling {@link #require()} skip without it, except under {@code CI=true}.
 */
public final class Osslsigncode {

    private static final Pattern CALCULATED = Pattern.compile("Calculated message digest\\s*:\\s*([0-9A-Fa-f]+)");
    private static final long TIMEOUT_SECONDS = 60;

    private Osslsigncode() {
    }

    /** Skips the calling test without osslsigncode (fails it under CI). */
    public static void require() {
        Corpus.requireTool("osslsigncode", "signs test PE files and is the Authenticode hash oracle");
    }

    /**
     * @param pki       who signs
     * @param in        the unsigned PE
     * @param out       where the signed PE goes
     * @param hash      {@code sha1} or {@code sha256}
     * @param timestamp when the built-in TSA says it was signed; empty for no timestamp
     * @throws IOException if osslsigncode fails
     */
    public static void sign(TestPki pki, Path in, Path out, String hash, Optional<Instant> timestamp)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("osslsigncode", "sign", "-certs",
                pki.signerCertificate().toString(), "-key", pki.signerKey().toString(), "-h", hash));
        timestamp.ifPresent(t -> command.addAll(List.of("-TSA-certs", pki.tsaChain().toString(), "-TSA-key",
                pki.tsaKey().toString(), "-TSA-time", Long.toString(t.getEpochSecond()))));
        command.addAll(List.of("-in", in.toString(), "-out", out.toString()));
        run(command);
    }

    /**
     * @param signed a signed PE
     * @return the Authenticode hash osslsigncode calculates for it, lower-case hex
     * @throws IOException if osslsigncode prints none
     */
    public static String calculatedDigest(Path signed) throws IOException {
        String output = run(List.of("osslsigncode", "verify", "-in", signed.toString()), true);
        Matcher m = CALCULATED.matcher(output);
        if (!m.find()) {
            throw new IOException("osslsigncode verify printed no calculated digest:\n" + output);
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    private static void run(List<String> command) throws IOException {
        run(command, false);
    }

    private static String run(List<String> command, boolean anyExitCode) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out");
            }
            if (!anyExitCode && process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
