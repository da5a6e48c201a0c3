package com.finmatch.loan.domain;

public enum ProductStatus {
    DRAFT, PUBLISHED, SUSPENDED, WITHDRAWN
}
