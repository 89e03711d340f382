package com.shop.support.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.remoting.Client;
import org.apache.dubbo.remoting.RemotingServer;
import org.apache.dubbo.remoting.transport.ChannelHandlerAdapter;
import org.junit.jupiter.api.Test;

class ConfiguredAddressTransporterTest {

    private final ConfiguredAddressTransporter transporter = new ConfiguredAddressTransporter();

    @Test
    void aProviderListensOnLoopbackUnlessToldOtherwise() throws Exception {
        InetSocketAddress listening = listeningOn("dubbo://127.0.0.1:%d/com.shop.api.goods.GoodsService");

        assertThat(listening.getAddress().isLoopbackAddress()).as("listening on %s", listening).isTrue();
    }

    @Test
    void aProviderListensOnTheConfiguredAddress() throws Exception {
        InetSocketAddress listening = listeningOn(
                "dubbo://127.0.0.1:%d/com.shop.api.goods.GoodsService?shop-bind-address=0.0.0.0");

        assertThat(listening.getAddress().isAnyLocalAddress()).as("listening on %s", listening).isTrue();
    }

    @Test
    void aConsumerReachesAProviderRegisteredOnLoopbackThere() throws Exception {
        URL url = URL.valueOf("dubbo://127.0.0.1:" + freePort() + "/com.shop.api.goods.GoodsService");
        RemotingServer server = transporter.bind(url, new ChannelHandlerAdapter());
        try {
            Client client = transporter.connect(url, new ChannelHandlerAdapter());
            try {
                assertThat(client.isConnected()).isTrue();
                assertThat(((InetSocketAddress) client.getRemoteAddress()).getAddress().isLoopbackAddress())
                        .as("connected to %s", client.getRemoteAddress()).isTrue();
            } finally {
                client.close();
            }
        } finally {
            server.close();
        }
    }

    private InetSocketAddress listeningOn(String urlPattern) throws Exception {
        URL url = URL.valueOf(String.format(urlPattern, freePort()));
        RemotingServer server = transporter.bind(url, new ChannelHandlerAdapter());
        try {
            return ((ConfiguredAddressTransporter.BoundNettyServer) server).listeningOn();
        } finally {
            server.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
