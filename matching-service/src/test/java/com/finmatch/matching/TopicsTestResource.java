package com.finmatch.matching;

import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * Creates the topics the service consumes and produces before the application starts, so that its consumers are
 * assigned partitions at once instead of discovering the topics on a later metadata refresh.
 */
public class TopicsTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        for (String topic : List.of("enterprise.events", "application.events", "product.events", "lead.events",
                "match.events")) {
            TopicProbe.of(topic).close();
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
