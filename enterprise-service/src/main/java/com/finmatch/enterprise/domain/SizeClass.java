package com.finmatch.enterprise.domain;

/** Size class of an enterprise (中小企业划型): micro, small, medium or large. */
public enum SizeClass {
    MICRO, SMALL, MEDIUM, LARGE
}
