package com.finmatch.enterprise.domain.imports;

/**
 * One data row of an import: its number as a spreadsheet shows it (the header is row 1), the USCC, the name, the value
 * (the tag or the cluster code, normalised), and — once validated or planned — its outcome and the reason.
 */
public record ListRow(int row, String uscc, String name, String value, ImportOutcome outcome, String reason) {

    public static ListRow rejected(int row, String uscc, String name, String value, String reason) {
        return new ListRow(row, uscc, name, value, ImportOutcome.REJECTED, reason);
    }

    public boolean isRejected() {
        return outcome == ImportOutcome.REJECTED;
    }

    public ListRow with(ImportOutcome newOutcome, String newReason) {
        return new ListRow(row, uscc, name, value, newOutcome, newReason);
    }
}
