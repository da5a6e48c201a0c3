package com.finmatch.matching.domain;

/** A text shown to users in both languages of the platform. */
public record Message(String zh, String en) {

    public static Message of(String zh, String en) {
        return new Message(zh, en);
    }
}
