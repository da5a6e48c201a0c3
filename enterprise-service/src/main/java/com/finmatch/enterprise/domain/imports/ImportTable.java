package com.finmatch.enterprise.domain.imports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of an uploaded list, row by row: an XLSX workbook (its first sheet; recognised by its content, a ZIP
 * archive) or a CSV file (RFC 4180: commas, double quotes; UTF-8 with or without a byte-order mark, or GB18030 as
 * Excel writes CSV on a Chinese Windows). The name and the declared type of the file are not trusted.
 */
public final class ImportTable {

    /** Cells a row may have: the lists have three columns; more is a wrong file, not a reason to hold it all. */
    static final int MAX_CELLS = 50;
    /** Characters a cell may have (names are at most 200; a longer cell is refused with its row). */
    static final int MAX_CELL = 1000;

    private ImportTable() {
    }

    /** The rows of the file, the header first; each row's cells stripped of surrounding blanks. */
    public static List<List<String>> read(byte[] content, int maxRows) {
        if (content.length == 0) {
            throw new BadImportFile("is empty");
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            return xlsx(content, maxRows);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new BadImportFile("is an Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV");
        }
        return csv(text(content), maxRows);
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 (a BOM dropped), else GB18030; text with NUL or other binary control characters is no CSV. */
    static String text(byte[] content) {
        String text;
        try {
            text = decode(content, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            try {
                text = decode(content, Charset.forName("GB18030"));
            } catch (CharacterCodingException notGb) {
                throw new BadImportFile("is neither CSV (UTF-8 or GB18030 text) nor an XLSX workbook");
            }
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw new BadImportFile("is neither CSV (UTF-8 or GB18030 text) nor an XLSX workbook");
            }
        }
        return text;
    }

    private static String decode(byte[] content, Charset charset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    }

    /** RFC 4180 with LF or CRLF line ends; a quote left open is a bad file naming the row it opened in. */
    static List<List<String>> csv(String text, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == ',') {
                addCell(row, cell, rowStart);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                addCell(row, cell, rowStart);
                addRow(rows, row, maxRows);
                row = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                cell.append(c);
            }
            if (cell.length() > MAX_CELL) {
                throw new BadImportFile("row " + rowStart + ": a cell has more than " + MAX_CELL + " characters");
            }
        }
        if (quoted) {
            throw new BadImportFile("row " + rowStart + ": a quoted cell is not closed");
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            addCell(row, cell, rowStart);
            addRow(rows, row, maxRows);
        }
        return rows;
    }

    private static void addCell(List<String> row, StringBuilder cell, int rowNumber) {
        if (row.size() == MAX_CELLS) {
            throw new BadImportFile("row " + rowNumber + ": more than " + MAX_CELLS + " cells");
        }
        row.add(cell.toString().strip());
        cell.setLength(0);
    }

    /**
     * Keeps row numbers as a spreadsheet shows them: blank rows stay (empty), the parser skips them and counts the
     * others; here only a bound on what is held (ten times the rows allowed, blank ones included).
     */
    private static void addRow(List<List<String>> rows, List<String> row, int maxRows) {
        rows.add(row.stream().allMatch(String::isEmpty) ? List.of() : List.copyOf(row));
        if (rows.size() > 10 * (maxRows + 1)) {
            throw new BadImportFile("has more than " + maxRows + " rows");
        }
    }

    /** The first sheet; every cell as Excel shows it (numbers without a trailing .0, dates as formatted). */
    static List<List<String>> xlsx(byte[] content, int maxRows) {
        DataFormatter format = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new BadImportFile("is empty");
            }
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    int last = Math.max(row.getLastCellNum(), 0);
                    if (last > MAX_CELLS) {
                        throw new BadImportFile("row " + (r + 1) + ": more than " + MAX_CELLS + " cells");
                    }
                    for (int c = 0; c < last; c++) {
                        Cell cell = row.getCell(c);
                        String value = cell == null ? "" : format.formatCellValue(cell).strip();
                        if (value.length() > MAX_CELL) {
                            throw new BadImportFile("row " + (r + 1) + ": a cell has more than " + MAX_CELL
                                    + " characters");
                        }
                        cells.add(value);
                    }
                }
                addRow(rows, cells, maxRows);
            }
            return rows;
        } catch (BadImportFile e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI refuses a damaged archive, a ZIP that is no workbook, or one that inflates like a zip bomb
            throw new BadImportFile("is not a readable XLSX workbook (" + e.getClass().getSimpleName() + ")");
        }
    }
}
