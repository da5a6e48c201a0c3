package com.finmatch.enterprise.event;

import com.finmatch.enterprise.service.ProductReplicaService;
import com.finmatch.platform.events.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local product replica from loan-service's product.events. */
@ApplicationScoped
public class ProductEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    ProductReplicaService replica;

    @Incoming("product-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process("product-events", record, replica::apply);
    }
}
