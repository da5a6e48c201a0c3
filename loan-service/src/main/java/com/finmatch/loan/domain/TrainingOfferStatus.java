package com.finmatch.loan.domain;

public enum TrainingOfferStatus {
    OPEN, CLOSED
}
