package com.finmatch.matching.domain;

import jakarta.validation.constraints.Size;

/**
 * A text shown to users in both languages of the platform. A rule's own message has at most 500 characters
 * (loan-service); one made of the rule itself (a list of up to 200 codes) stays under {@value #MAX_LENGTH}.
 */
public record Message(@Size(max = MAX_LENGTH) String zh, @Size(max = MAX_LENGTH) String en) {

    public static final int MAX_LENGTH = 16000;

    public static Message of(String zh, String en) {
        return new Message(zh, en);
    }
}
