package com.finmatch.loan.service;

/**
 * The caller's enterprise profile has not reached loan-service yet (enterprise.events are asynchronous, so a company
 * registered a moment ago may not be known here): the caller should retry shortly.
 */
public class ProfileNotReplicatedException extends RuntimeException {

    public static final int RETRY_AFTER_SECONDS = 1;

    public ProfileNotReplicatedException() {
        super("your enterprise profile has not reached the training service yet (it was registered or changed a"
                + " moment ago); please retry in a moment. An enterprise that has not registered its profile must"
                + " register it first");
    }
}
