package com.finmatch.notification;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.badinput.PoisonRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every poison record on every topic this service consumes goes to its DLQ, and the consumer goes on. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@QuarkusTestResource(TopicsTestResource.class)
class PoisonRecordTest {

    @Test
    void shouldDeadLetterEveryPoisonRecordOnEveryConsumedTopicAndGoOn() {
        assertFalse(PoisonRecords.consumedTopics().isEmpty(), "the service consumes no topic?");
        assertEquals(List.of(), PoisonRecords.sendToEveryConsumedTopic(Duration.ofSeconds(60)));
    }
}
