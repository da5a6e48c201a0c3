package com.finmatch.loan.domain;

public enum ProductType {
    CREDIT_LOAN, MORTGAGE_LOAN, GUARANTEED_LOAN, IP_PLEDGE_LOAN, SUPPLY_CHAIN, EQUIPMENT_LOAN, TECH_LOAN
}
