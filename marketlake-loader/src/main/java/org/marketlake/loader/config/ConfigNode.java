package org.marketlake.loader.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marketlake.core.error.InvalidConfigException;

/**
 * One mapping of the YAML tree, read key by key with types checked. It knows its dotted path, so every error
 * names the key the user has to fix ({@code parquet_loader.processing.outlier_threshold}), and it knows which
 * keys it allows, so a misspelt key is refused with the closest valid one instead of silently falling back to
 * a default.
 */
final class ConfigNode {
    private final JsonNode node;
    private final String path;

    private ConfigNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The mapping at {@code path}; a missing or null section is an empty mapping (all defaults). */
    static ConfigNode of(JsonNode node, String path, Set<String> allowed) {
        JsonNode mapping = node == null || node.isNull() || node.isMissingNode() ? MissingNode.getInstance() : node;
        if (!mapping.isMissingNode() && !mapping.isObject()) {
            throw new InvalidConfigException("configuration key " + path + " must be a mapping of keys, got " + describe(mapping));
        }
        ConfigNode config = new ConfigNode(mapping, path);
        config.refuseUnknown(allowed);
        return config;
    }

    String path() {
        return path;
    }

    private String key(String name) {
        return path + "." + name;
    }

    private void refuseUnknown(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidConfigException("unknown configuration key " + key(name) + ": did you mean " + key(Closest.of(name, allowed))
                        + "? (valid keys here: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    ConfigNode section(String name, Set<String> allowed) {
        return of(node.get(name), key(name), allowed);
    }

    private JsonNode value(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** The raw value at {@code name} (null when absent). */
    JsonNode raw(String name) {
        return value(name);
    }

    boolean has(String name) {
        return value(name) != null;
    }

    String requiredText(String name) {
        String text = text(name, null);
        if (text == null || text.isBlank()) {
            throw new InvalidConfigException("required configuration key missing: " + key(name));
        }
        return text;
    }

    String text(String name, String fallback) {
        JsonNode value = value(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isValueNode()) {
            throw new InvalidConfigException("configuration key " + key(name) + " must be a text value, got " + describe(value));
        }
        return value.asText();
    }

    Optional<String> optionalText(String name) {
        return Optional.ofNullable(text(name, null)).filter(text -> !text.isBlank());
    }

    boolean bool(String name, boolean fallback) {
        JsonNode value = value(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new InvalidConfigException("configuration key " + key(name) + " must be true or false, got " + describe(value));
        }
        return value.booleanValue();
    }

    int integer(String name, int fallback, int min, int max) {
        JsonNode value = value(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidConfigException("configuration key " + key(name) + " must be a whole number, got " + describe(value));
        }
        return inRange(name, value.intValue(), min, max);
    }

    private int inRange(String name, int number, int min, int max) {
        if (number < min || number > max) {
            throw new InvalidConfigException("configuration key " + key(name) + " must be between " + min + " and " + max + ", got " + number);
        }
        return number;
    }

    double decimal(String name, double fallback, double minExclusive, double maxInclusive) {
        JsonNode value = value(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new InvalidConfigException("configuration key " + key(name) + " must be a number, got " + describe(value));
        }
        double number = value.doubleValue();
        if (!(number > minExclusive && number <= maxInclusive)) {
            throw new InvalidConfigException("configuration key " + key(name) + " must be greater than " + minExclusive
                    + " and at most " + maxInclusive + ", got " + number);
        }
        return number;
    }

    /** One of {@code choices} (the config spellings), case as written. */
    <E extends Enum<E> & ConfigChoice> E choice(String name, E fallback, Class<E> type) {
        String text = text(name, null);
        if (text == null) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (constant.configName().equals(text)) {
                return constant;
            }
            names.add(constant.configName());
        }
        throw new InvalidConfigException("configuration key " + key(name) + " has value '" + text + "' outside its set: use one of "
                + String.join(", ", names) + " (closest: " + Closest.of(text, names) + ")");
    }

    List<String> textList(String name, List<String> fallback) {
        JsonNode value = value(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isArray()) {
            throw new InvalidConfigException("configuration key " + key(name) + " must be a list, got " + describe(value));
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item == null || !item.isTextual() || item.asText().isBlank()) {
                throw new InvalidConfigException("configuration key " + key(name) + "[" + i + "] must be a non-empty text, got " + describe(item));
            }
            texts.add(item.asText());
        }
        return List.copyOf(texts);
    }

    List<Integer> integerList(String name, List<Integer> fallback, int min) {
        JsonNode value = value(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isArray()) {
            throw new InvalidConfigException("configuration key " + key(name) + " must be a list of whole numbers, got " + describe(value));
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToInt() || item.intValue() < min) {
                throw new InvalidConfigException("configuration key " + key(name) + "[" + i + "] must be a whole number of at least " + min
                        + ", got " + describe(item));
            }
            numbers.add(item.intValue());
        }
        return List.copyOf(numbers);
    }

    /** The raw child mapping, for sections whose keys are the user's names (feature groups, build features). */
    Iterator<Map.Entry<String, JsonNode>> entries(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return java.util.Collections.emptyIterator();
        }
        if (!value.isObject()) {
            throw new InvalidConfigException("configuration key " + key(name) + " must be a mapping, got " + describe(value));
        }
        return value.properties().iterator();
    }

    static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isTextual()) {
            return "'" + value.asText() + "'";
        }
        return value.toString();
    }
}
