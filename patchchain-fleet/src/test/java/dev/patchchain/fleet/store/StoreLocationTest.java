package dev.patchchain.fleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreLocationTest {

    private final Path cwd = Path.of("/work/here");

    @Test
    void a_file_path_or_a_sqlite_url_means_an_embedded_database() {
        assertThat(StoreLocation.parse("fleet.db", cwd).jdbcUrl()).isEqualTo("jdbc:sqlite:/work/here/fleet.db");
        assertThat(StoreLocation.parse("jdbc:sqlite:/tmp/x.db", cwd).file()).contains(Path.of("/tmp/x.db"));
        assertThat(StoreLocation.defaultIn(Path.of("/home/u")).file()).contains(Path.of("/home/u/.patchchain/fleet.db"));
    }

    @Test
    void a_postgresql_url_is_kept_and_its_password_hidden_in_messages() {
        StoreLocation pg = StoreLocation.parse("jdbc:postgresql://db/fleet?user=u&password=secret", cwd);
        assertThat(pg.kind()).isEqualTo(StoreKind.POSTGRESQL);
        assertThat(pg.display()).isEqualTo("jdbc:postgresql://db/fleet?user=u&password=***");
    }

    @Test
    void another_database_is_refused_with_what_is_supported() {
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:mysql://db/fleet", cwd))
                .hasMessageContaining("unsupported database").hasMessageContaining("jdbc:postgresql://");
    }
}
