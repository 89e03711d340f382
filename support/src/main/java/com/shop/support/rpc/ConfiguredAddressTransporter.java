package com.shop.support.rpc;

import java.net.InetSocketAddress;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.remoting.ChannelHandler;
import org.apache.dubbo.remoting.Client;
import org.apache.dubbo.remoting.RemotingException;
import org.apache.dubbo.remoting.RemotingServer;
import org.apache.dubbo.remoting.Transporter;
import org.apache.dubbo.remoting.transport.netty4.NettyClient;
import org.apache.dubbo.remoting.transport.netty4.NettyServer;

/**
 * Dubbo's Netty transport, on the addresses we configure rather than the ones Dubbo substitutes. Dubbo
 * treats a loopback address as "unset" at both ends: its server listens on every interface when its
 * host is any 127.x or "localhost" (AbstractServer, via NetUtils.isInvalidLocalHost), and its client
 * connects to the machine's LAN address when a provider is registered at 127.0.0.1
 * (AbstractClient.getConnectAddress, via NetUtils.filterLocalHost). So a local provider was reachable
 * from every network the machine is on, and local calls left loopback.
 *
 * <p>Here a provider listens on the URL parameter {@value #BIND_ADDRESS_KEY} ({@code SHOP_BIND_ADDRESS},
 * 127.0.0.1 unless set), and a consumer connects to exactly the address the provider registered.
 * Selected by {@code dubbo.protocol.server} and {@code dubbo.consumer.client}: {@value #NAME}.
 */
public class ConfiguredAddressTransporter implements Transporter {

    public static final String NAME = "configured-address";
    public static final String BIND_ADDRESS_KEY = "shop-bind-address";
    static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

    @Override
    public RemotingServer bind(URL url, ChannelHandler handler) throws RemotingException {
        return new BoundNettyServer(url, handler);
    }

    @Override
    public Client connect(URL url, ChannelHandler handler) throws RemotingException {
        return new RegisteredAddressNettyClient(url, handler);
    }

    static String bindAddress(URL url) {
        String address = url.getParameter(BIND_ADDRESS_KEY);
        return address == null || address.isBlank() ? DEFAULT_BIND_ADDRESS : address.strip();
    }

    // Both overrides are called from the superclass constructor (it opens or connects at once), so they
    // read the URL, never a field of their own.

    static class BoundNettyServer extends NettyServer {

        BoundNettyServer(URL url, ChannelHandler handler) throws RemotingException {
            super(url, handler);
        }

        @Override
        public InetSocketAddress getBindAddress() {
            return new InetSocketAddress(bindAddress(getUrl()), super.getBindAddress().getPort());
        }

        /** The address the socket really listens on. */
        InetSocketAddress listeningOn() {
            return (InetSocketAddress) getBossChannel().localAddress();
        }
    }

    static class RegisteredAddressNettyClient extends NettyClient {

        RegisteredAddressNettyClient(URL url, ChannelHandler handler) throws RemotingException {
            super(url, handler);
        }

        @Override
        public InetSocketAddress getConnectAddress() {
            return new InetSocketAddress(getUrl().getHost(), getUrl().getPort());
        }
    }
}
