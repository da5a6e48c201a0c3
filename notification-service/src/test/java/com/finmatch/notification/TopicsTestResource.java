package com.finmatch.notification;

import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/** Creates the topics the service consumes before the application starts, so its consumers get partitions at once. */
public class TopicsTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        for (String topic : List.of("enterprise.events", "application.events", "lead.events")) {
            TopicProbe.of(topic).close();
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
