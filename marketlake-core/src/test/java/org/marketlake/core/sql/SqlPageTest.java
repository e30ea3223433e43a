package org.marketlake.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlake.core.error.ForbiddenStatementException;

/** {@link LakeSql#readOnlyQuery(String, int)}: the first rows kept, all of them counted, writes refused as without a limit. */
class SqlPageTest {
    @Test
    void keepsTheFirstRowsAndCountsThemAll() {
        try (LakeSql sql = LakeSql.readOnlyOverLake(Map.of(), null)) {
            SqlPage page = sql.readOnlyQuery("SELECT range AS n FROM range(25000) ORDER BY n", 10);
            assertThat(page.rowCount()).isEqualTo(25_000);
            assertThat(page.shown().rows()).hasSize(10);
            assertThat(page.shown().rows().get(9)).containsExactly(9L);
            assertThat(page.truncated()).isTrue();
            SqlPage whole = sql.readOnlyQuery("SELECT 1 AS one", 10);
            assertThat(whole.rowCount()).isEqualTo(1);
            assertThat(whole.truncated()).isFalse();
        }
    }

    @Test
    void refusesWhatReadOnlyQueryRefuses() {
        try (LakeSql sql = LakeSql.readOnlyOverLake(Map.of(), null)) {
            assertThatThrownBy(() -> sql.readOnlyQuery("COPY (SELECT 1) TO '/tmp/marketlake-sqlpage.csv'", 10))
                    .isInstanceOf(ForbiddenStatementException.class).hasMessageContaining("refused: COPY");
            assertThatThrownBy(() -> sql.readOnlyQuery("SELECT 1; SELECT 2", 10)).isInstanceOf(ForbiddenStatementException.class);
        }
    }
}
