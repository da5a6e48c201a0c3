package com.finmatch.enterprise.domain.imports;

import com.finmatch.enterprise.domain.EnterpriseTag;
import com.finmatch.enterprise.domain.Uscc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Validates the rows of a list against its kind: the header, then each row — the USCC with its GB 32100-2015 check
 * character, the name's length, the tag (a code or its Chinese name) or the cluster code, a row repeating an earlier
 * one. A bad file as a whole is a {@link BadImportFile}; a bad row is REJECTED with its reason and the others go on.
 */
public final class ImportRows {

    public static final int MAX_NAME = 200;

    private ImportRows() {
    }

    /**
     * @param table     the file's rows, the header first (ImportTable)
     * @param maxRows   data rows allowed
     * @param isCluster whether a code is a cluster of the reference data
     * @return each non-blank data row, valid ones without an outcome yet, invalid ones REJECTED
     */
    public static List<ListRow> parse(ImportKind kind, List<List<String>> table, int maxRows,
            Predicate<String> isCluster) {
        int headerIndex = firstNonBlank(table, 0);
        if (headerIndex < 0) {
            throw new BadImportFile("is empty");
        }
        checkHeader(kind, table.get(headerIndex), headerIndex + 1);
        long dataRows = table.stream().skip(headerIndex + 1L).filter(r -> !r.isEmpty()).count();
        if (dataRows == 0) {
            throw new BadImportFile("has a header but no rows");
        }
        if (dataRows > maxRows) {
            throw new BadImportFile("has " + dataRows + " rows, more than the " + maxRows + " an import may have");
        }
        List<ListRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = headerIndex + 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (!cells.isEmpty()) {
                rows.add(row(kind, i + 1, cells, isCluster, seen));
            }
        }
        return rows;
    }

    private static int firstNonBlank(List<List<String>> table, int from) {
        for (int i = from; i < table.size(); i++) {
            if (!table.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static void checkHeader(ImportKind kind, List<String> header, int rowNumber) {
        List<String> names = new ArrayList<>(header);
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        boolean same = names.size() == kind.columns.size();
        for (int i = 0; same && i < names.size(); i++) {
            same = names.get(i).equalsIgnoreCase(kind.columns.get(i));
        }
        if (!same) {
            throw new BadImportFile("row " + rowNumber + ": the header must be " + String.join(",", kind.columns)
                    + " for a " + kind + " list, not " + String.join(",", names)
                    + " (the template: GET /api/v1/imports/templates/" + kind + ")");
        }
    }

    private static ListRow row(ImportKind kind, int rowNumber, List<String> cells, Predicate<String> isCluster,
            Map<String, Integer> seen) {
        String uscc = cell(cells, 0).toUpperCase(Locale.ROOT);
        String name = cell(cells, 1);
        String raw = cell(cells, 2);
        List<String> reasons = new ArrayList<>();
        if (cells.stream().skip(kind.columns.size()).anyMatch(c -> !c.isEmpty())) {
            reasons.add("has more than the " + kind.columns.size() + " columns " + String.join(",", kind.columns));
        }
        Uscc.problem(uscc).ifPresent(p -> reasons.add("uscc " + p));
        if (name.length() > MAX_NAME) {
            reasons.add("name must be at most " + MAX_NAME + " characters");
        }
        String value = switch (kind) {
            case SRDI -> tag(raw, reasons);
            case CLUSTER -> cluster(raw, isCluster, reasons);
        };
        if (!reasons.isEmpty()) {
            return ListRow.rejected(rowNumber, shorten(uscc), shorten(name), shorten(raw), String.join("; ", reasons));
        }
        String key = kind == ImportKind.SRDI ? uscc + " " + value : uscc;
        Integer earlier = seen.putIfAbsent(key, rowNumber);
        if (earlier != null) {
            return ListRow.rejected(rowNumber, uscc, name, value, (kind == ImportKind.SRDI
                    ? "repeats row " + earlier + " (the same uscc and tag)"
                    : "uscc is in row " + earlier + " already (one cluster an enterprise)"));
        }
        return new ListRow(rowNumber, uscc, name, value, null, null);
    }

    private static String tag(String raw, List<String> reasons) {
        if (raw.isEmpty()) {
            reasons.add("tag is required");
            return null;
        }
        for (EnterpriseTag tag : EnterpriseTag.values()) {
            if (tag.name().equalsIgnoreCase(raw) || tag.nameZh.equals(raw)) {
                return tag.name();
            }
        }
        reasons.add("tag must be one of SRDI_PROVINCIAL, SRDI_LITTLE_GIANT, HIGH_TECH, TECH_SME (or its Chinese name)");
        return null;
    }

    private static String cluster(String raw, Predicate<String> isCluster, List<String> reasons) {
        if (raw.isEmpty()) {
            reasons.add("clusterCode is required");
            return null;
        }
        String code = raw.toUpperCase(Locale.ROOT);
        if (code.length() > 40 || !isCluster.test(code)) {
            reasons.add("clusterCode is not a cluster of GET /api/v1/reference/clusters");
            return null;
        }
        return code;
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** A rejected row's cells as the report shows them: at most what the columns hold. */
    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_NAME ? text : text.substring(0, MAX_NAME);
    }
}
