package com.finmatch.loan.domain;

/** Which side of a lead wrote a message: the lead's bank or the enterprise that applied. */
public enum AuthorRole {
    BANK, ENTERPRISE
}
