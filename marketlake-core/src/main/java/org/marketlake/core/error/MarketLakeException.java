package org.marketlake.core.error;

/**
 * Root of every exception MarketLake throws on purpose. The library names what failed and where; it never knows
 * about exit codes: the command line maps these types to exit codes in one place (its exit-code mapper).
 *
 * <p>Two branches: {@link InvalidDataException} (the data or a file is wrong: exit 1) and
 * {@link InvalidRequestException} (the request is wrong whatever the data: a flag, a config, a root: exit 2).
 */
public abstract sealed class MarketLakeException extends RuntimeException permits InvalidDataException, InvalidRequestException {
    private java.util.List<String> parameters = java.util.List.of();

    protected MarketLakeException(String message) {
        super(message);
    }

    /** A wrapper that adds where (file, line) keeps the parameters its cause named. */
    protected MarketLakeException(String message, Throwable cause) {
        super(message, cause);
        if (cause instanceof MarketLakeException named) {
            this.parameters = named.parameters;
        }
    }

    /**
     * Names, in the library's own words ({@code "horizon"}, {@code "time zone"}), the request parameters that
     * would fix this. The library never knows how a caller spells them; the command line looks them up among the
     * failed command's options and names the flag after the message, so a hint never points at a flag the
     * command does not have.
     */
    public MarketLakeException about(String... parameters) {
        this.parameters = java.util.List.of(parameters);
        return this;
    }

    /** What {@link #about} named, in order; empty when nothing was. */
    public java.util.List<String> parameters() {
        return parameters;
    }
}
