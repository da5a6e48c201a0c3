package com.finmatch.enterprise.domain;

/** Why an application was CLOSED: its financing need was met by another application's loan, or withdrawn. */
public enum CloseReason {
    NEED_FULFILLED, NEED_WITHDRAWN
}
