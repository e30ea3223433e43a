package org.marketlake.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketlake.core.error.InvalidRequestException;

class SymbolTest {
    @ParameterizedTest
    @ValueSource(strings = {"AAPL", "BRK.B", "BTC-USD", "ES_F", "A", "X1234567890123456789012345678901"})
    void acceptsTickers(String value) {
        assertThat(Symbol.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "aapl", "AA PL", "../ETC", "A/B", "..", ".", ".HIDDEN", "A..B", "X12345678901234567890123456789012", "ÄPFEL"})
    void refusesAnythingThatCouldLeaveTheLakeOrIsNotATicker(String value) {
        assertThatThrownBy(() -> Symbol.of(value))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("invalid symbol [value=" + value + "]");
    }
}
