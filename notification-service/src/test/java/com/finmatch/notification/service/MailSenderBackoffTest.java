package com.finmatch.notification.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MailSenderBackoffTest {

    @Test
    void shouldDoubleTheWaitAfterEachFailureUpToAnHour() {
        Duration first = Duration.ofSeconds(5);
        assertEquals(Duration.ofSeconds(5), MailSender.backoff(first, 1));
        assertEquals(Duration.ofSeconds(10), MailSender.backoff(first, 2));
        assertEquals(Duration.ofSeconds(40), MailSender.backoff(first, 4));
        assertEquals(Duration.ofHours(1), MailSender.backoff(first, 12));
        assertEquals(Duration.ofHours(1), MailSender.backoff(first, 500));
    }
}
