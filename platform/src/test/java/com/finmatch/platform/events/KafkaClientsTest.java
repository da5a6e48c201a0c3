package com.finmatch.platform.events;

import static org.awaitility.Awaitility.await;

import com.finmatch.testing.ServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The clients the platform makes itself get the settings the messaging channels get ({@code kafka.*}): here an
 * interceptor, in production the security protocol and credentials a secured cluster asks for (k8s/README.md).
 */
@QuarkusTest
@TestProfile(KafkaClientsTest.SharedSetting.class)
@QuarkusTestResource(ServiceTestResources.class)
class KafkaClientsTest {

    public static class SharedSetting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.interceptor.classes", SharedSettingsInterceptor.class.getName());
        }
    }

    @Inject
    TestWriter writer;

    @Test
    void shouldPublishTheOutboxWithTheChannelsKafkaSettings() {
        UUID id = writer.write(UUID.randomUUID().toString(), "sent by a relay with the shared settings");

        await().atMost(Duration.ofSeconds(60)).until(() -> SharedSettingsInterceptor.SENT
                .getOrDefault("events-test-outbox-relay", Set.of()).contains(id.toString()));
    }
}
