package com.finmatch.matching.service;

import com.finmatch.platform.events.KafkaClients;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The replicas of this service, as Kafka's group knows them: each consumes enterprise.events in the
 * {@code matching-service} group under the client id {@value #CLIENT} (application.properties).
 */
@ApplicationScoped
public class Replicas {

    static final String GROUP = "matching-service";
    static final String CLIENT = "matching-enterprise-events";

    @Inject
    KafkaClients kafka;

    /** How many other replicas are in the group now; 503 when Kafka cannot tell. */
    int others() {
        try (Admin admin = Admin.create(kafka.properties(Map.of()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP)
                    .get(10, TimeUnit.SECONDS);
            long members = group.members().stream().filter(m -> m.clientId().startsWith(CLIENT)).count();
            return (int) Math.max(0, members - 1);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "Service unavailable",
                "Kafka did not tell the consumer group's members; try again"));
    }
}
