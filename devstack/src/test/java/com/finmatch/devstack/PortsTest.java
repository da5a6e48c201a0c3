package com.finmatch.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void shouldNameTheProcessThatHoldsATakenPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertTrue(Ports.isOpen(port));
            assertFalse(Ports.isFree(port));
            String owner = Ports.describeOwner(port);
            assertTrue(owner.startsWith("pid " + ProcessHandle.current().pid() + " ("), owner);
            assertTrue(owner.contains("java"), owner);
        }
    }

    @Test
    void shouldSeeAFreePortAsFree() {
        int port = Ports.freePort();
        assertTrue(Ports.isFree(port));
        assertFalse(Ports.isOpen(port));
    }

    @Test
    void shouldGivePortsAskedForTogetherThatAreFreeAndDistinct() {
        for (int round = 0; round < 50; round++) {
            int[] ports = Ports.freePorts(4);
            assertEquals(4, Arrays.stream(ports).distinct().count(), Arrays.toString(ports));
            for (int port : ports) {
                assertTrue(Ports.isFree(port), "port " + port);
            }
        }
    }

    @Test
    void shouldMakeKafkaClusterIdsOf22UrlSafeCharacters() {
        for (int i = 0; i < 200; i++) {
            String id = Kafka.clusterId();
            assertEquals(22, id.length(), id);
            assertTrue(id.matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}"), id);
        }
    }
}
