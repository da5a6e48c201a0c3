package com.finmatch.enterprise.domain;

/** Whether the enterprise means to go public (上市意向). */
public enum ListingIntention {
    NONE, CONSIDERING, PREPARING
}
