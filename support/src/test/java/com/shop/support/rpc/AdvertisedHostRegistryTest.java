package com.shop.support.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.registry.NotifyListener;
import org.apache.dubbo.registry.Registry;
import org.junit.jupiter.api.Test;

class AdvertisedHostRegistryTest {

    /** Records what reaches the real registry. */
    static final class RecordingRegistry implements Registry {
        final List<URL> registered = new ArrayList<>();
        final List<URL> unregistered = new ArrayList<>();
        public void register(URL url) { registered.add(url); }
        public void unregister(URL url) { unregistered.add(url); }
        public void subscribe(URL url, NotifyListener listener) { }
        public void unsubscribe(URL url, NotifyListener listener) { }
        public List<URL> lookup(URL url) { return List.of(); }
        public URL getUrl() { return URL.valueOf("nacos://127.0.0.1:8848"); }
        public boolean isAvailable() { return true; }
        public void destroy() { }
    }

    @Test
    void registersAndUnregistersProvidersUnderTheAdvertisedHost() {
        RecordingRegistry nacos = new RecordingRegistry();
        AdvertisedHostRegistry registry = new AdvertisedHostRegistry(nacos, "127.0.0.1");
        URL provider = URL.valueOf("dubbo://192.0.2.2:20882/com.shop.api.goods.GoodsService?side=provider");

        registry.register(provider);
        registry.unregister(provider);

        assertThat(nacos.registered).singleElement().satisfies(url -> {
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(url.getPort()).isEqualTo(20882);
            assertThat(url.getServiceInterface()).isEqualTo("com.shop.api.goods.GoodsService");
        });
        assertThat(nacos.unregistered).singleElement().satisfies(url -> assertThat(url.getHost()).isEqualTo("127.0.0.1"));
    }

    @Test
    void theAdvertisedHostDefaultsToLoopback() {
        assertThat(AdvertisedHostRegistryFactory.advertisedHost()).isEqualTo(
                System.getenv("SHOP_ADVERTISED_HOST") == null ? "127.0.0.1" : System.getenv("SHOP_ADVERTISED_HOST"));
    }
}
