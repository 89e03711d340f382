package com.shop.support.rpc;

import java.util.List;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.registry.NotifyListener;
import org.apache.dubbo.registry.Registry;

/** A registry that registers (and unregisters) every URL under the advertised host; all else passes through. */
final class AdvertisedHostRegistry implements Registry {

    private final Registry registry;
    private final String host;

    AdvertisedHostRegistry(Registry registry, String host) {
        this.registry = registry;
        this.host = host;
    }

    private URL advertised(URL url) {
        return url.getHost() == null || url.getHost().equals(host) ? url : url.setHost(host);
    }

    @Override
    public void register(URL url) {
        registry.register(advertised(url));
    }

    @Override
    public void unregister(URL url) {
        registry.unregister(advertised(url));
    }

    @Override
    public void reExportRegister(URL url) {
        registry.reExportRegister(advertised(url));
    }

    @Override
    public void reExportUnregister(URL url) {
        registry.reExportUnregister(advertised(url));
    }

    @Override
    public void subscribe(URL url, NotifyListener listener) {
        registry.subscribe(url, listener);
    }

    @Override
    public void unsubscribe(URL url, NotifyListener listener) {
        registry.unsubscribe(url, listener);
    }

    @Override
    public List<URL> lookup(URL url) {
        return registry.lookup(url);
    }

    @Override
    public int getDelay() {
        return registry.getDelay();
    }

    @Override
    public boolean isServiceDiscovery() {
        return registry.isServiceDiscovery();
    }

    @Override
    public URL getUrl() {
        return registry.getUrl();
    }

    @Override
    public boolean isAvailable() {
        return registry.isAvailable();
    }

    @Override
    public void destroy() {
        registry.destroy();
    }
}
