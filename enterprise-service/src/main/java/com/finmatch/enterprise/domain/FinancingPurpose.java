package com.finmatch.enterprise.domain;

/** What borrowed money is for. */
public enum FinancingPurpose {
    WORKING_CAPITAL, EQUIPMENT, TECH_UPGRADE, PROJECT, RND, SUPPLY_CHAIN
}
