package com.finmatch.matching.domain;

/** The operators of a rule (CONTRACT.md, Rule). */
public enum Operator {
    EQ, NE, GT, GE, LT, LE, IN, NOT_IN, CONTAINS, BETWEEN;

    public String symbol() {
        return switch (this) {
            case EQ -> "=";
            case NE -> "≠";
            case GT -> ">";
            case GE -> "≥";
            case LT -> "<";
            case LE -> "≤";
            case IN -> "∈";
            case NOT_IN -> "∉";
            case CONTAINS -> "∋";
            case BETWEEN -> "∈ [..]";
        };
    }
}
