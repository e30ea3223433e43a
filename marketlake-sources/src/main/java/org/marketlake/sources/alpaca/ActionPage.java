package org.marketlake.sources.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.model.ActionType;
import org.marketlake.core.model.CorporateAction;
import org.marketlake.core.model.Symbol;

/**
 * One page of Alpaca's corporate actions ({@code GET /v1/corporate-actions}), in its documented shape:
 * <pre>
 * {"corporate_actions": {"forward_splits": [{"symbol", "new_rate", "old_rate", "ex_date", ...}], "reverse_splits": [...],
 *   "cash_dividends": [{"symbol", "rate", "ex_date", ...}], "stock_dividends": [{"symbol", "rate", "ex_date", ...}]},
 *  "next_page_token": null}
 * </pre>
 * A split's ratio is {@code new_rate / old_rate} (new shares per old); a cash dividend's amount is its {@code rate}
 * per share; a stock dividend of {@code rate} new shares per share held has ratio {@code 1 + rate}. Lists of other
 * action types, and actions of other symbols, are ignored.
 */
record ActionPage(List<CorporateAction> actions, int ignored, String nextPageToken) {
    static final String TYPES = "forward_split,reverse_split,cash_dividend,stock_dividend";
    static final int LIMIT = 1000;
    static final String SOURCE = "alpaca";
    private static final ObjectMapper JSON = new ObjectMapper();

    ActionPage {
        actions = List.copyOf(actions);
    }

    static ActionPage parse(Symbol symbol, byte[] body) throws Page.MalformedPage {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new Page.MalformedPage("malformed JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new Page.MalformedPage("the answer is not a JSON object", null);
        }
        JsonNode lists = root.path("corporate_actions");
        List<CorporateAction> actions = new ArrayList<>();
        int[] ignored = {0};
        for (JsonNode item : lists.path("forward_splits")) {
            split(symbol, item, ActionType.SPLIT, actions, ignored);
        }
        for (JsonNode item : lists.path("reverse_splits")) {
            split(symbol, item, ActionType.REVERSE_SPLIT, actions, ignored);
        }
        for (JsonNode item : lists.path("cash_dividends")) {
            if (mine(symbol, item, ignored)) {
                actions.add(CorporateAction.cashDividend(symbol, date(item), number(item, "rate"), SOURCE));
            }
        }
        for (JsonNode item : lists.path("stock_dividends")) {
            if (mine(symbol, item, ignored)) {
                actions.add(CorporateAction.shares(symbol, date(item), ActionType.STOCK_DIVIDEND, 1 + number(item, "rate"), SOURCE));
            }
        }
        JsonNode token = root.path("next_page_token");
        String next = token.isTextual() && !token.asText().isEmpty() ? token.asText() : null;
        return new ActionPage(actions, ignored[0], next);
    }

    private static void split(Symbol symbol, JsonNode item, ActionType type, List<CorporateAction> actions, int[] ignored) throws Page.MalformedPage {
        if (mine(symbol, item, ignored)) {
            actions.add(CorporateAction.shares(symbol, date(item), type, number(item, "new_rate") / number(item, "old_rate"), SOURCE));
        }
    }

    private static boolean mine(Symbol symbol, JsonNode item, int[] ignored) {
        boolean mine = symbol.value().equals(item.path("symbol").asText());
        if (!mine) {
            ignored[0]++;
        }
        return mine;
    }

    private static LocalDate date(JsonNode item) throws Page.MalformedPage {
        try {
            return LocalDate.parse(item.path("ex_date").asText());
        } catch (DateTimeParseException e) {
            throw new Page.MalformedPage("corporate action without a valid ex_date: " + item, e);
        }
    }

    private static double number(JsonNode item, String field) throws Page.MalformedPage {
        JsonNode value = item.path(field);
        if (!value.isNumber() && !(value.isTextual() && value.asText().matches("-?[0-9.]+(E-?[0-9]+)?"))) {
            throw new Page.MalformedPage("corporate action without a number in " + field + ": " + item, null);
        }
        return value.asDouble();
    }
}
