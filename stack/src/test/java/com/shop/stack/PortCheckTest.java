package com.shop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aPortNobodyHoldsIsFree() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(PortCheck.isFree(port)).isTrue();
    }

    @Test
    void aPortHeldOnLoopbackOnlyIsTaken() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertThat(PortCheck.isFree(held.getLocalPort())).isFalse();
        }
    }

    @Test
    void aPortHeldOnTheWildcardAddressIsTaken() throws Exception {
        try (ServerSocket held = new ServerSocket(0)) {
            assertThat(PortCheck.isFree(held.getLocalPort())).isFalse();
        }
    }
}
