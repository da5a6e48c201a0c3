package com.finmatch.matching.api;

import com.finmatch.matching.domain.kpi.GroupBy;
import com.finmatch.matching.domain.kpi.Kpis;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.util.List;
import java.util.Map;

/**
 * KPI tables as an .xlsx workbook (Apache POI's streaming SXSSFWorkbook: rows go to a temporary file past a window of
 * 100, so a large export never sits in memory as a sheet model). Each sheet: a frozen header row of the Chinese KPI
 * names, then the rows of the CSV export in its order — the group (or period) as text, counts as whole numbers,
 * percentages, yuan, hours and basis points as numbers with their formats; the same values as the JSON and the CSV.
 */
final class KpiWorkbook implements AutoCloseable {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The sheet of the totals, of each grouping, and of a trend. */
    static final String TOTAL_SHEET = "合计";
    static final String TREND_SHEET = "趋势";
    /** The first cell of a total row (the CSV's {@code TOTAL}). */
    static final String TOTAL_ROW = "合计";
    static final Map<GroupBy, String> GROUPING_SHEETS = Map.of(GroupBy.CLUSTER, "按产业集群", GroupBy.DISTRICT, "按区县",
            GroupBy.BANK, "按银行", GroupBy.PRODUCT, "按产品");
    private static final Map<GroupBy, String> GROUPING_COLUMN = Map.of(GroupBy.CLUSTER, "产业集群", GroupBy.DISTRICT,
            "区县", GroupBy.BANK, "银行", GroupBy.PRODUCT, "产品");

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final CellStyle header;
    private final Map<Kpis.Unit, CellStyle> styles;

    KpiWorkbook() {
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        styles = Map.of(Kpis.Unit.COUNT, style("#,##0"), Kpis.Unit.PERCENT, style("0.00\"%\""), Kpis.Unit.YUAN,
                style("#,##0.00"), Kpis.Unit.HOURS, style("0.00"), Kpis.Unit.BPS, style("0"));
    }

    private CellStyle style(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /** The sheet of one grouping: a row per group, the total last (the CSV export of that grouping). */
    KpiWorkbook grouping(GroupBy groupBy, List<Kpis> groups, Kpis total) {
        SXSSFSheet sheet = sheet(GROUPING_SHEETS.get(groupBy), GROUPING_COLUMN.get(groupBy));
        int r = 1;
        for (Kpis row : groups) {
            row(sheet, r++, row.key(), row);
        }
        row(sheet, r, TOTAL_ROW, total);
        return this;
    }

    /** The sheet of the totals: one row. */
    KpiWorkbook total(Kpis total) {
        row(sheet(TOTAL_SHEET, "范围"), 1, TOTAL_ROW, total);
        return this;
    }

    /** The trend sheet: a row per period (its label first), oldest first. */
    KpiWorkbook trend(List<String> labels, List<Kpis> totals) {
        SXSSFSheet sheet = sheet(TREND_SHEET, "期间");
        for (int i = 0; i < labels.size(); i++) {
            row(sheet, i + 1, labels.get(i), totals.get(i));
        }
        return this;
    }

    private SXSSFSheet sheet(String name, String firstColumn) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        row.createCell(0).setCellValue(firstColumn);
        row.getCell(0).setCellStyle(header);
        sheet.setColumnWidth(0, 40 * 256);
        for (int c = 0; c < Kpis.COLUMNS.size(); c++) {
            row.createCell(c + 1).setCellValue(Kpis.COLUMNS.get(c).chineseName());
            row.getCell(c + 1).setCellStyle(header);
            sheet.setColumnWidth(c + 1, 16 * 256);
        }
        sheet.createFreezePane(1, 1);
        return sheet;
    }

    private void row(SXSSFSheet sheet, int index, String first, Kpis kpis) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(first);
        for (int c = 0; c < Kpis.COLUMNS.size(); c++) {
            Kpis.Column column = Kpis.COLUMNS.get(c);
            row.createCell(c + 1).setCellValue(((Number) column.value().apply(kpis)).doubleValue());
            row.getCell(c + 1).setCellStyle(styles.get(column.unit()));
        }
    }

    /** The workbook as a response body, written as it is sent; the temporary files are deleted after. */
    StreamingOutput body() {
        return out -> {
            try (this) {
                workbook.write(out);
            }
        };
    }

    @Override
    public void close() {
        try {
            workbook.dispose(); // the rows' temporary files
            workbook.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
