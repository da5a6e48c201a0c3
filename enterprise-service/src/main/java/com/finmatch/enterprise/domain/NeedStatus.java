package com.finmatch.enterprise.domain;

/** Lifecycle of a financing need: open until withdrawn by its owner or fulfilled by a disbursed loan. */
public enum NeedStatus {
    OPEN, WITHDRAWN, FULFILLED
}
