package dev.patchchain.formats.fuzz;

import dev.patchchain.formats.io.BytesChannel;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.authenticode.AuthenticodeVerifier;
import dev.patchchain.formats.authenticode.Catalog;
import dev.patchchain.formats.authenticode.CatalogIndex;
import dev.patchchain.formats.authenticode.SignatureReport;
import dev.patchchain.formats.authenticode.TrustStore;
import java.io.IOException;
import java.util.List;

/**
 * Any bytes either verify as a PE (certificate table, PKCS#7, image hash: always a report) or fail with a
 * {@link FormatException} because they are no PE; any bytes either read as a catalog or fail with a
 * {@link FormatException}, and a catalog read always yields a signature report and an index. Plain
 * {@code mvn verify} replays the seeds in {@code AuthenticodeFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class AuthenticodeFuzzTest {

    private static final AuthenticodeVerifier VERIFIER = new AuthenticodeVerifier(TrustStore.none());

    @FuzzTest(maxDuration = "60s")
    void verifiesOrFailsTyped(byte[] data) throws IOException {
        SignatureReport report;
        try {
            report = VERIFIER.verify(new BytesChannel(data), "fuzz.dll");
        } catch (FormatException expected) {
            return;
        }
        assertThat(report.status()).isNotNull();
    }

    @FuzzTest(maxDuration = "60s")
    void catalogReadsOrFailsTyped(byte[] data) {
        Catalog catalog;
        try {
            catalog = Catalog.read(data, "fuzz.cat");
        } catch (FormatException expected) {
            return;
        }
        assertThat(VERIFIER.verify(catalog).status()).isNotNull();
        CatalogIndex index = CatalogIndex.of(List.of(catalog));
        catalog.members().forEach(m -> m.hashes().forEach(h -> assertThat(index.find(h)).contains(m)));
    }
}
