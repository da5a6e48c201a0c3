package com.finmatch.enterprise.domain;

/** The board an enterprise aims to list on: 主板, 创业板, 科创板, 北交所. */
public enum TargetBoard {
    MAIN, CHINEXT, STAR, BSE
}
