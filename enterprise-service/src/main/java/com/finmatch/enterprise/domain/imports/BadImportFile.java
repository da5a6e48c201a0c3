package com.finmatch.enterprise.domain.imports;

import java.util.List;

/** The file as a whole cannot be imported (not CSV or XLSX, empty, a wrong header, too many rows): a 400. */
public class BadImportFile extends RuntimeException {

    /** What is wrong, each a message about the part {@code file} (row numbers as a spreadsheet shows them). */
    public final List<String> problems;

    public BadImportFile(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public BadImportFile(String problem) {
        this(List.of(problem));
    }
}
