package com.shop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Publishes nacos-config/ to Nacos: {@code nacos-config/<group>/<data id>}, one file per data id.
 * {@code ${SHOP_*:default}} placeholders are filled from the publisher's environment first, so
 * the content in Nacos names the real database and broker; every other {@code ${…}} is left for
 * Spring to resolve in the service.
 */
public final class NacosConfigPublisher {

    private static final Pattern SHOP_PLACEHOLDER = Pattern.compile("\\$\\{(SHOP_[A-Z0-9_]+):([^}]*)}");

    private final NacosOpenApi nacos;

    public NacosConfigPublisher(NacosOpenApi nacos) {
        this.nacos = nacos;
    }

    /** Publishes every file below the folder; returns "group/dataId" of each. */
    public List<String> publishAll(Path configDir, Map<String, String> env) throws IOException {
        List<String> published = new ArrayList<>();
        try (Stream<Path> groups = Files.list(configDir)) {
            for (Path groupDir : groups.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(groupDir)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String group = groupDir.getFileName().toString();
                        String dataId = file.getFileName().toString();
                        nacos.publishConfig(group, dataId, fillPlaceholders(Files.readString(file), env));
                        published.add(group + "/" + dataId);
                    }
                }
            }
        }
        return published;
    }

    public static String fillPlaceholders(String content, Map<String, String> env) {
        Matcher m = SHOP_PLACEHOLDER.matcher(content);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
