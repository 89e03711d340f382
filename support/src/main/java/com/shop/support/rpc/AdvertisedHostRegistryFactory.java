package com.shop.support.rpc;

import org.apache.dubbo.common.URL;
import org.apache.dubbo.registry.Registry;
import org.apache.dubbo.registry.RegistryFactory;

/**
 * Makes Dubbo providers register the address they should be reached at. Dubbo 3.2 treats any
 * 127.x host as "invalid" and registers the first non-loopback interface instead (even
 * DUBBO_IP_TO_REGISTRY refuses 127.0.0.1), so on one machine consumers would call a LAN address.
 * This SPI wrapper (Dubbo recognises it by its constructor) rewrites the host of every URL a
 * provider registers to {@code SHOP_ADVERTISED_HOST} — 127.0.0.1 unless set, like the Spring
 * apps' own Nacos registration. Application-level registries are left alone.
 */
public class AdvertisedHostRegistryFactory implements RegistryFactory {

    private final RegistryFactory factory;

    public AdvertisedHostRegistryFactory(RegistryFactory factory) {
        this.factory = factory;
    }

    @Override
    public Registry getRegistry(URL url) {
        Registry registry = factory.getRegistry(url);
        return registry == null || registry.isServiceDiscovery() ? registry
                : new AdvertisedHostRegistry(registry, advertisedHost());
    }

    static String advertisedHost() {
        String host = System.getProperty("shop.advertised-host", System.getenv("SHOP_ADVERTISED_HOST"));
        return host == null || host.isBlank() ? "127.0.0.1" : host.strip();
    }
}
