package com.finmatch.devstack;

/** The stack cannot start; the message says why and what to do, for a person. */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
