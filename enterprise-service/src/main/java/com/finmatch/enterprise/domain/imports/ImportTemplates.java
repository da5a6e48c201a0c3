package com.finmatch.enterprise.domain.imports;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The template of each list: the header row and one example row, as CSV (UTF-8 with a BOM, for Excel) or XLSX. */
public final class ImportTemplates {

    private ImportTemplates() {
    }

    public static byte[] csv(ImportKind kind) {
        String text = "\uFEFF" + String.join(",", kind.columns) + "\r\n" + String.join(",", kind.example) + "\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(ImportKind kind) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(kind.name());
            write(sheet.createRow(0), kind.columns);
            write(sheet.createRow(1), kind.example);
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < kind.columns.size(); c++) {
                sheet.setColumnWidth(c, 40 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            row.createCell(c).setCellValue(cells.get(c));
        }
    }
}
