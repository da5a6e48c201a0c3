package com.finmatch.platform.events;

/** A record that can never be processed: it goes to the dead-letter topic with this message as its reason. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
