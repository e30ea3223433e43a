package org.marketlake.core.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads DuckDB's {@code json_serialize_sql} answer: how many SELECT statements it parsed, or its error. */
final class SqlStatements {
    private static final JsonFactory JSON = new JsonFactory();

    private SqlStatements() {}

    /** The number of statements, or -1 when DuckDB reported an error (a statement that is not a SELECT). */
    static int count(String serialized) {
        try (JsonParser parser = JSON.createParser(serialized)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            int statements = -1;
            boolean error = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("error")) {
                    error = value == JsonToken.VALUE_TRUE;
                } else if (field.equals("statements") && value == JsonToken.START_ARRAY) {
                    statements = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        statements++;
                        parser.skipChildren();
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return error ? -1 : statements;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read DuckDB's parse of the statement", e);
        }
    }

    /** DuckDB's error message, or null. */
    static String error(String serialized) {
        try (JsonParser parser = JSON.createParser(serialized)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals("error_message")) {
                    parser.nextToken();
                    return parser.getText();
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read DuckDB's parse of the statement", e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", got " + actual);
        }
    }
}
