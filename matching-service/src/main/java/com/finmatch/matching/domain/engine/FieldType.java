package com.finmatch.matching.domain.engine;

/** How the values of a field compare. */
public enum FieldType {
    /** a number: all comparisons, IN/NOT_IN on values, BETWEEN */
    NUMBER,
    /** a date (yyyy-MM-dd): all comparisons on the calendar */
    DATE,
    /** a value of a fixed ordered scale (size class, credit rating): comparisons follow the scale */
    ORDINAL,
    /** true/false: EQ, NE */
    BOOLEAN,
    /** a code or text: EQ, NE, IN, NOT_IN exactly; CONTAINS as a substring */
    CODE,
    /** a hierarchical code (GB/T 4754 industry): EQ, IN, NE, NOT_IN match the code and everything below it */
    CODE_PREFIX,
    /** a set of codes (tags, guarantee types): CONTAINS all of the values, IN any of them, NOT_IN none, EQ exactly */
    SET
}
