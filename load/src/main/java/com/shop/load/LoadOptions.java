package com.shop.load;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of the command line, each with a default the usage text names. */
final class LoadOptions {

    private final Map<String, String> values = new HashMap<>();

    LoadOptions(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value, got: " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
