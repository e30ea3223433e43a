package org.marketlake.sources.secret;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;

/**
 * The one way the sources module hides secrets in what it shows: every message of its own and every message a
 * driver or library produced (a failure's message, its causes and suppressed failures) goes through here before it
 * leaves the module. Replaced by {@code ***}:
 * <ul>
 *   <li>the values of {@code password=}, {@code pwd=}, {@code secret=}, {@code token=}, {@code apikey=},
 *       {@code api_key=}, {@code key=} (and names ending so, such as {@code client_secret=}), in URL queries and
 *       property lists;</li>
 *   <li>the password of {@code //user:password@host};</li>
 *   <li>the literal secrets the user handed over (a password from the environment, API keys, the passwords in the
 *       URL), wherever they stand.</li>
 * </ul>
 */
public final class Redaction {
    public static final String MASK = "***";
    /** A secret-named parameter: a name ending in one of the secret words, {@code =}, the value up to a separator. */
    private static final Pattern PARAMETER = Pattern.compile(
            "(?i)((?<![\\w-])[\\w.-]*(?:password|passwd|pwd|secret|(?<!page_)token|apikey|api_key|key)\\s*=\\s*)([^&;\\s\\]),'\"]+)");
    /** A secret-named parameter of a URL, its value taken the way the URL's own separators delimit it. */
    private static final Pattern URL_PARAMETER = Pattern.compile(
            "(?i)(?:^|[?&;:])[\\w.-]*(?:password|passwd|pwd|secret|(?<!page_)token|apikey|api_key|key)=([^&;]+)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)([^@/\\s]*)@");
    private static final Redaction PATTERNS = new Redaction(List.of());

    /** The literal secrets, longest first (so that a secret containing another is hidden whole). */
    private final List<String> literals;

    private Redaction(List<String> literals) {
        this.literals = literals;
    }

    /** Hides the secret-looking parts of {@code text} (no literal secrets known): for URLs shown in messages. */
    public static String text(String text) {
        return PATTERNS.redact(text);
    }

    /**
     * A redaction that also hides {@code secrets} (nulls and blanks ignored) and the passwords in {@code urls}
     * (as written and percent-decoded; values of four characters or more, so that a flag such as {@code token=1}
     * does not hide every 1), wherever they appear.
     */
    public static Redaction of(List<String> secrets, String... urls) {
        Set<String> all = new LinkedHashSet<>();
        for (String secret : secrets) {
            addLiteral(all, secret);
        }
        for (String url : urls) {
            if (url == null) {
                continue;
            }
            Matcher parameter = URL_PARAMETER.matcher(url);
            while (parameter.find()) {
                addUrlLiteral(all, parameter.group(1));
            }
            Matcher userInfo = USER_INFO.matcher(url);
            while (userInfo.find()) {
                addUrlLiteral(all, userInfo.group(2));
            }
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new Redaction(List.copyOf(sorted));
    }

    private static void addUrlLiteral(Set<String> literals, String value) {
        if (value.length() >= 4) {
            addLiteral(literals, value);
        }
    }

    private static void addLiteral(Set<String> literals, String secret) {
        if (secret == null || secret.isBlank() || secret.equals(MASK)) {
            return;
        }
        literals.add(secret);
        literals.add(secret.strip());
        try {
            literals.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notEncoded) {
            // Not percent-encoding: the secret as written is enough.
        }
        literals.removeIf(String::isBlank);
    }

    /** {@code text} with every secret replaced by {@code ***}; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String hidden = text;
        for (String literal : literals) {
            hidden = hidden.replace(literal, MASK);
        }
        hidden = PARAMETER.matcher(hidden).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return USER_INFO.matcher(hidden).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    }

    /**
     * {@code failure} itself when no message in it (its own, its causes', its suppressed failures') shows a secret;
     * else a copy of the same family with every message redacted and the stack traces kept: an
     * {@link InvalidRequestException} stays one (exit 2), an {@link InvalidDataException} stays one (exit 1).
     */
    public RuntimeException redact(RuntimeException failure) {
        return (RuntimeException) copy(failure, new IdentityHashMap<>());
    }

    /** The redacted copy of {@code failure}; {@code copies} maps each failure met to its copy (null while in progress). */
    private Throwable copy(Throwable failure, Map<Throwable, Throwable> copies) {
        if (failure == null) {
            return null;
        }
        if (copies.containsKey(failure)) {
            return copies.get(failure);
        }
        if (isClean(failure, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            copies.put(failure, failure);
            return failure;
        }
        copies.put(failure, null);
        String message = redact(failure.getMessage());
        Throwable cause = copy(failure.getCause(), copies);
        Throwable copy = switch (failure) {
            case InvalidRequestException request -> new InvalidRequestException(message, cause);
            case InvalidDataException data -> new InvalidDataException(message, cause);
            case SQLException sql -> new SQLException(message, sql.getSQLState(), sql.getErrorCode(), cause);
            case IOException io -> new IOException(message, cause);
            case RuntimeException runtime -> new RuntimeException(failure.getClass().getName() + ": " + message, cause);
            default -> new Exception(failure.getClass().getName() + ": " + message, cause);
        };
        copy.setStackTrace(failure.getStackTrace());
        copies.put(failure, copy);
        for (Throwable suppressed : failure.getSuppressed()) {
            Throwable hidden = copy(suppressed, copies);
            if (hidden != null && hidden != copy) {
                copy.addSuppressed(hidden);
            }
        }
        return copy;
    }

    private boolean isClean(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return true;
        }
        String message = failure.getMessage();
        if (message != null && !redact(message).equals(message)) {
            return false;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (!isClean(suppressed, seen)) {
                return false;
            }
        }
        return isClean(failure.getCause(), seen);
    }

    @Override
    public String toString() {
        return "Redaction[" + literals.size() + " secrets]";
    }
}
