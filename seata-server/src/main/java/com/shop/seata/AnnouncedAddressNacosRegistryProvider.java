package com.shop.seata;

import java.net.InetSocketAddress;
import java.util.List;

import io.seata.common.XID;
import io.seata.common.loader.LoadLevel;
import io.seata.discovery.registry.RegistryProvider;
import io.seata.discovery.registry.RegistryService;
import io.seata.discovery.registry.nacos.NacosRegistryProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seata's Nacos registry, but announcing the address this project chose (127.0.0.1 by default).
 *
 * <p>Seata 2.0.0 refuses loopback as its own address: {@code SEATA_IP=127.0.0.1} and {@code -h 127.0.0.1}
 * are both rejected by {@code NetUtil.isValidIp(host, false)}, and the fallback picks the first
 * non-loopback interface. This provider replaces Seata's (same SPI name {@code Nacos}, higher order), so
 * {@code seata.registry.type=nacos} stays as documented, and registers/unregisters the TC as
 * {@code <announced ip>:<rpc port>}. It also makes the TC's XIDs carry that address, so the clients'
 * XID load balancing finds the TC that issued an XID in the registry.
 *
 * <p>Announced IP: system property {@code shop.seata.announce-ip}, else the environment variable
 * {@code SEATA_IP} (Seata's own knob), else {@code 127.0.0.1} (local stack default). A TC cluster on
 * several hosts must set one of them to the host's reachable IP.
 */
@LoadLevel(name = "Nacos", order = 100)
public class AnnouncedAddressNacosRegistryProvider implements RegistryProvider {

    static final String ANNOUNCE_IP_PROPERTY = "shop.seata.announce-ip";

    @Override
    public RegistryService provide() {
        return new Announcing(new NacosRegistryProvider().provide(), announcedIp());
    }

    static String announcedIp() {
        String ip = System.getProperty(ANNOUNCE_IP_PROPERTY);
        if (ip == null || ip.isBlank()) {
            ip = System.getenv("SEATA_IP");
        }
        return ip == null || ip.isBlank() ? "127.0.0.1" : ip.trim();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class Announcing implements RegistryService<Object> {

        private static final Logger LOGGER = LoggerFactory.getLogger(AnnouncedAddressNacosRegistryProvider.class);

        private final RegistryService delegate;
        private final String ip;

        Announcing(RegistryService delegate, String ip) {
            this.delegate = delegate;
            this.ip = ip;
        }

        private InetSocketAddress announced(InetSocketAddress bound) {
            return new InetSocketAddress(ip, bound.getPort());
        }

        @Override
        public void register(InetSocketAddress address) throws Exception {
            InetSocketAddress announced = announced(address);
            if (!ip.equals(XID.getIpAddress())) {
                LOGGER.info("announcing the TC as {} instead of {} (XIDs follow)", announced, address);
                XID.setIpAddress(ip);
            }
            delegate.register(announced);
        }

        @Override
        public void unregister(InetSocketAddress address) throws Exception {
            delegate.unregister(announced(address));
        }

        @Override
        public void subscribe(String cluster, Object listener) throws Exception {
            delegate.subscribe(cluster, listener);
        }

        @Override
        public void unsubscribe(String cluster, Object listener) throws Exception {
            delegate.unsubscribe(cluster, listener);
        }

        @Override
        public List<InetSocketAddress> lookup(String key) throws Exception {
            return delegate.lookup(key);
        }

        @Override
        public void close() throws Exception {
            delegate.close();
        }

        @Override
        public String getServiceGroup(String key) {
            return delegate.getServiceGroup(key);
        }

        @Override
        public List<InetSocketAddress> aliveLookup(String transactionServiceGroup) {
            return delegate.aliveLookup(transactionServiceGroup);
        }

        @Override
        public List<InetSocketAddress> refreshAliveLookup(String transactionServiceGroup,
                                                          List<InetSocketAddress> aliveAddress) {
            return delegate.refreshAliveLookup(transactionServiceGroup, aliveAddress);
        }
    }
}
