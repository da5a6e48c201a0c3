package com.finmatch.loan.service;

import com.finmatch.loan.domain.Rule;

import java.util.List;

/** The caller's enterprise fails entry criteria of a training offer: the failed rules' messages, in rule order. */
public class NotEligibleException extends RuntimeException {

    private final transient List<Rule.Message> failedRules;

    public NotEligibleException(List<Rule.Message> failedRules) {
        super("your enterprise does not meet " + failedRules.size() + " entry criteria of this training offer");
        this.failedRules = List.copyOf(failedRules);
    }

    public List<Rule.Message> failedRules() {
        return failedRules;
    }
}
