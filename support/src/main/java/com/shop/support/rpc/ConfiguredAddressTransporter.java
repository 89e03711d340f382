package com.shop.support.rpc;

import java.net.InetSocketAddress;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.remoting.ChannelHandler;
import org.apache.dubbo.remoting.Client;
import org.apache.dubbo.remoting.RemotingException;
import org.apache.dubbo.remoting.RemotingServer;
import org.apache.dubbo.remoting.Transporter;
import org.apache.dubbo.remoting.transport.netty4.NettyServer;
import org.apache.dubbo.remoting.transport.netty4.NettyTransporter;

/**
 * Dubbo's Netty transport, with the provider listening on the address we configure. Dubbo itself
 * cannot bind a loopback address: its server maps any 127.x host, and "localhost", to the wildcard
 * (AbstractServer, via NetUtils.isInvalidLocalHost), so a local provider would be reachable from
 * every network the machine is on. Selected by {@code dubbo.protocol.server: bind-address}; the
 * address is the URL parameter {@value #BIND_ADDRESS_KEY} ({@code SHOP_BIND_ADDRESS}, 127.0.0.1
 * unless set). Consumers connect with Dubbo's own Netty client.
 */
public class BindAddressTransporter implements Transporter {

    public static final String NAME = "bind-address";
    public static final String BIND_ADDRESS_KEY = "shop-bind-address";
    static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

    private final NettyTransporter netty = new NettyTransporter();

    @Override
    public RemotingServer bind(URL url, ChannelHandler handler) throws RemotingException {
        return new BoundNettyServer(url, handler);
    }

    @Override
    public Client connect(URL url, ChannelHandler handler) throws RemotingException {
        return netty.connect(url, handler);
    }

    static String bindAddress(URL url) {
        String address = url.getParameter(BIND_ADDRESS_KEY);
        return address == null || address.isBlank() ? DEFAULT_BIND_ADDRESS : address.strip();
    }

    static class BoundNettyServer extends NettyServer {

        BoundNettyServer(URL url, ChannelHandler handler) throws RemotingException {
            super(url, handler);
        }

        // Called by the server's constructor when it opens the port, so it reads the URL, not a field.
        @Override
        public InetSocketAddress getBindAddress() {
            return new InetSocketAddress(bindAddress(getUrl()), super.getBindAddress().getPort());
        }

        /** The address the socket really listens on. */
        InetSocketAddress listeningOn() {
            return (InetSocketAddress) getBossChannel().localAddress();
        }
    }
}
