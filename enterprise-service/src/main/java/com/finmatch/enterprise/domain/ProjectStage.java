package com.finmatch.enterprise.domain;

/** Stage of a major project (重大项目): 谋划, 前期, 在建, 建成. */
public enum ProjectStage {
    PLANNING, PREPARATION, UNDER_CONSTRUCTION, COMPLETED
}
