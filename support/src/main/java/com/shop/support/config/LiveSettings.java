package com.shop.support.config;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * Settings read from the environment at each use rather than bound once: Nacos refreshes the
 * environment in place, so a value published there applies from the next read, without a restart.
 */
public final class LiveSettings {

    private static final Logger log = LoggerFactory.getLogger(LiveSettings.class);

    private LiveSettings() {
    }

    /**
     * A positive duration in one of Spring Boot's forms ({@code 30m}, {@code 10s}, {@code PT2H}). Missing
     * gives {@code fallback}; malformed, zero or negative gives {@code fallback} too, with an error in the
     * log — never a zero that would make the feature fire at once.
     */
    public static Duration positiveDuration(Environment environment, String key, Duration fallback) {
        String configured = environment.getProperty(key);
        if (configured == null || configured.isBlank()) {
            return fallback;
        }
        try {
            Duration value = DurationStyle.detectAndParse(configured.trim());
            if (!value.isNegative() && !value.isZero()) {
                return value;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        log.error("{}={} is not a positive duration (like 30m or 10s): using {}", key, configured, fallback);
        return fallback;
    }
}
