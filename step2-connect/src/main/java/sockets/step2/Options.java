package sockets.step2;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of a command line, checked against the names a main
 * accepts; anything wrong throws {@link UsageException} with one line saying what.
 */
final class Options {

    /** A bad command line: the main prints the message and its usage, and exits 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();

    private Options() {}

    /** Parses {@code args}; {@code flags} take no value, {@code named} take one. */
    static Options parse(String[] args, Set<String> named, Set<String> flags) throws UsageException {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (flags.contains(name)) {
                options.values.put(name, "true");
            } else if (!named.contains(name)) {
                throw new UsageException("unknown option '" + name + "'");
            } else if (i + 1 == args.length) {
                throw new UsageException(name + " needs a value");
            } else {
                options.values.put(name, args[++i]);
            }
        }
        return options;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    /** An integer option between {@code min} and {@code max}, or {@code fallback} when absent. */
    int number(String name, int fallback, int min, int max) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // Same message as out of range, below.
        }
        throw new UsageException(name + " wants a number from " + min + " to " + max
                + ", not '" + value + "'");
    }
}
