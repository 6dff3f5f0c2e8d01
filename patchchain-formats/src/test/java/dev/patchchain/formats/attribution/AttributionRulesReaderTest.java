package dev.patchchain.formats.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.analysis.AttributionRules;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.formats.TextFormatException;
import org.junit.jupiter.api.Test;

class AttributionRulesReaderTest {

    private final AttributionRules rules = AttributionRulesReader.defaults();

    private Attribution of(String path) {
        return rules.attribute(WinPath.parse(path));
    }

    @Test
    void theShippedRulesAttributeEntriesByPath() {
        assertThat(of("C:\\Config.Msi\\3a1b2c.rbf")).isEqualTo(Attribution.WINDOWS_INSTALLER);
        assertThat(of("C:\\Windows\\WinSxS\\Temp\\PendingRenames\\x.dll")).isEqualTo(Attribution.SERVICING);
        assertThat(of("C:\\Windows\\System32\\Intel\\HwKws\\SET2048.tmp")).isEqualTo(Attribution.DRIVER);
        assertThat(of("C:\\Users\\m\\AppData\\Local\\Temp\\nsp9C0.tmp\\nsProcess.dll"))
                .isEqualTo(Attribution.INSTALLER_TEMP);
        assertThat(of("C:\\Program Files\\Google\\GoogleToolbarNotifier\\1.2\\swg3.tmp")).isEqualTo(Attribution.BROWSER);
        assertThat(of("C:\\ProgramData\\Microsoft\\Windows Defender\\x.dll")).isEqualTo(Attribution.ANTIVIRUS);
        assertThat(of("C:\\data\\x.bin")).isEqualTo(Attribution.UNKNOWN);
        assertThat(rules.attribute(null)).isEqualTo(Attribution.UNKNOWN);
    }

    @Test
    void theFirstMatchingRuleWinsAndNamesItsLabel() throws Exception {
        AttributionRules two = AttributionRulesReader.read("# comment\n\nbrowser\tfirst\t\\\\X\\\\\n"
                + "antivirus\tsecond\t\\\\X\\\\\n", "two.tsv");
        assertThat(two.match(WinPath.parse("C:\\x\\y.dll"))).hasValueSatisfying(r -> {
            assertThat(r.attribution()).isEqualTo(Attribution.BROWSER);
            assertThat(r.label()).isEqualTo("first");
        });
    }

    @Test
    void aBadLineIsRejectedWithItsLineNumber() {
        assertThatThrownBy(() -> AttributionRulesReader.read("browser\tonly two\n", "bad.tsv"))
                .isInstanceOf(TextFormatException.class).hasMessageContaining("line 1").hasMessageContaining("columns");
        assertThatThrownBy(() -> AttributionRulesReader.read("\nfirewall\tx\ty\n", "bad.tsv"))
                .isInstanceOf(TextFormatException.class).hasMessageContaining("line 2")
                .hasMessageContaining("unknown class 'firewall'");
        assertThatThrownBy(() -> AttributionRulesReader.read("unknown\tx\ty\n", "bad.tsv"))
                .isInstanceOf(TextFormatException.class).hasMessageContaining("unknown class");
        assertThatThrownBy(() -> AttributionRulesReader.read("driver\tx\t(\n", "bad.tsv"))
                .isInstanceOf(TextFormatException.class).hasMessageContaining("invalid regex");
    }
}
