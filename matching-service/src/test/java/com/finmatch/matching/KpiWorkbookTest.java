package com.finmatch.matching;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The .xlsx exports (issue 16 §2), read back with Apache POI and compared cell by cell with the CSV and JSON of the
 * same data: the summary workbook with the CSV export of each grouping, the monthly report with the series.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@QuarkusTestResource(TopicsTestResource.class)
class KpiWorkbookTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> HEADERS = List.of("注册企业", "获得服务的企业", "进行中的融资需求", "撮合次数", "申请数",
            "接单率（%）", "批准率（%）", "批准金额（元）", "放款金额（元）", "答复用时中位数（工作小时）", "答复用时P90（工作小时）",
            "超时线索", "被拒后转介的需求", "转介后获批", "平台首贷户", "信用贷款占比（%）", "平均批准利率（%）", "相对LPR（基点）",
            "贴息贷款笔数", "贴息金额（元/年）", "风险池敞口（元）");
    private static final Map<String, String> SHEETS = new LinkedHashMap<>(Map.of());

    static {
        SHEETS.put("cluster", "按产业集群");
        SHEETS.put("district", "按区县");
        SHEETS.put("bank", "按银行");
        SHEETS.put("product", "按产品");
    }

    private static ExtractableResponse<Response> get(String path, Map<String, String> query) {
        return given().auth().oauth2(Tokens.admin("admin-1")).queryParams(query).when().get(path)
                .then().statusCode(200).extract();
    }

    private static XSSFWorkbook workbook(String path, Map<String, String> query) throws IOException {
        ExtractableResponse<Response> response = get(path, query);
        assertEquals(XLSX, response.contentType());
        assertTrue(response.header("Content-Disposition").startsWith("attachment; filename=\"finmatch-"));
        return new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()));
    }

    private static KpiFixture fixture() {
        KpiFixture fixture = new KpiFixture();
        fixture.january();
        fixture.februaryAndMarch();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> KpiSeriesTest.series(Map.of("bankId", fixture.bank,
                "from", "2026-03-01T00:00:00+08:00", "to", "2026-04-01T00:00:00+08:00"))
                .body("points[0].total.amountApproved", equalTo(500000.0f))
                .body("points[0].total.creditLoanShare", equalTo(100.0f))); // the product's type is known too
        return fixture;
    }

    /** A sheet's rows as text: the first cell as written, numbers as plain decimals (checking every cell's type). */
    private static List<List<String>> rows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (Cell cell : row) {
                if (row.getRowNum() == 0 || cell.getColumnIndex() == 0) {
                    assertEquals(CellType.STRING, cell.getCellType(), sheet.getSheetName() + " " + cell.getAddress());
                    cells.add(cell.getStringCellValue());
                } else {
                    assertEquals(CellType.NUMERIC, cell.getCellType(), sheet.getSheetName() + " " + cell.getAddress());
                    cells.add(plain(BigDecimal.valueOf(cell.getNumericCellValue())));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String plain(Object number) {
        return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }

    /** A row of KPIs (JSON) as the workbook's cells: {@code first}, then the KPIs in the CSV's order. */
    private static List<String> row(String first, Map<String, Object> kpis) {
        List<String> cells = new ArrayList<>(List.of(first));
        KpiFixture.FIELDS.forEach(f -> cells.add(plain(kpis.get(f))));
        return cells;
    }

    private static List<String> header(String first) {
        List<String> cells = new ArrayList<>(List.of(first));
        cells.addAll(HEADERS);
        return cells;
    }

    @Test
    void shouldWriteTheSummaryWorkbookCellByCellAsTheCsvOfEachGrouping() throws IOException {
        KpiFixture fixture = fixture();
        Map<String, String> query = Map.of("bankId", fixture.bank);
        try (XSSFWorkbook book = workbook("/api/v1/stats/export/xlsx", query)) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            List<String> expectedNames = new ArrayList<>(List.of("合计"));
            expectedNames.addAll(SHEETS.values());
            assertEquals(expectedNames, names);

            Map<String, Object> total = get("/api/v1/stats/summary", query).jsonPath().getMap("total");
            assertEquals(List.of(header("范围"), row("合计", total)), rows(book.getSheet("合计")));

            for (Map.Entry<String, String> grouping : SHEETS.entrySet()) {
                Map<String, String> grouped = new LinkedHashMap<>(query);
                grouped.put("groupBy", grouping.getKey());
                List<List<String>> csv = new ArrayList<>();
                for (String line : get("/api/v1/stats/export", grouped).asString().split("\r\n")) {
                    csv.add(Arrays.asList(line.split(",", -1)));
                }
                Sheet sheet = book.getSheet(grouping.getValue());
                List<List<String>> cells = rows(sheet);
                assertEquals(csv.size(), cells.size(), grouping.getValue());
                assertEquals("group", csv.get(0).get(0));
                assertEquals(HEADERS, cells.get(0).subList(1, cells.get(0).size()));
                for (int r = 1; r < csv.size(); r++) {
                    List<String> expected = new ArrayList<>();
                    expected.add("TOTAL".equals(csv.get(r).get(0)) ? "合计" : csv.get(r).get(0));
                    csv.get(r).subList(1, csv.get(r).size()).forEach(v -> expected.add(plain(v)));
                    assertEquals(expected, cells.get(r), grouping.getValue() + " row " + r);
                }
                assertTrue(sheet.getPaneInformation().isFreezePane(), grouping.getValue());
                assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow());
                Row bankRow = sheet.getRow(1);
                assertEquals("0.00\"%\"", bankRow.getCell(6).getCellStyle().getDataFormatString());
                assertEquals("#,##0", bankRow.getCell(5).getCellStyle().getDataFormatString());
                assertEquals("#,##0.00", bankRow.getCell(8).getCellStyle().getDataFormatString());
            }
        }
        try (XSSFWorkbook book = workbook("/api/v1/stats/export/xlsx", Map.of("bankId", fixture.bank,
                "groupBy", "district"))) {
            assertEquals(List.of("合计", "按区县"), List.of(book.getSheetName(0), book.getSheetName(1)));
            assertEquals(2, book.getNumberOfSheets());
        }
    }

    @Test
    void shouldWriteTheMonthlyReportAsTheSeriesHasIt() throws IOException {
        KpiFixture fixture = fixture();
        JsonPath trend = get("/api/v1/stats/series", Map.of("bankId", fixture.bank,
                "from", "2025-02-01T00:00:00+08:00", "to", "2026-03-01T00:00:00+08:00")).jsonPath();
        JsonPath byBank = get("/api/v1/stats/series", Map.of("bankId", fixture.bank, "groupBy", "bank",
                "from", "2026-02-01T00:00:00+08:00", "to", "2026-03-01T00:00:00+08:00")).jsonPath();
        try (XSSFWorkbook book = workbook("/api/v1/stats/report", Map.of("bankId", fixture.bank, "month", "2026-02"))) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            List<String> expectedNames = new ArrayList<>(List.of("合计"));
            expectedNames.addAll(SHEETS.values());
            expectedNames.add("趋势");
            assertEquals(expectedNames, names);

            List<Map<String, Object>> points = trend.getList("points");
            assertEquals(13, points.size());
            List<List<String>> expectedTrend = new ArrayList<>(List.of(header("期间")));
            for (Map<String, Object> point : points) {
                @SuppressWarnings("unchecked")
                Map<String, Object> total = (Map<String, Object>) point.get("total");
                expectedTrend.add(row((String) point.get("label"), total));
            }
            assertEquals(expectedTrend, rows(book.getSheet("趋势")));
            assertEquals("2025-02", expectedTrend.get(1).get(0));
            assertEquals("2026-02", expectedTrend.get(13).get(0));

            Map<String, Object> february = byBank.getMap("points[0].total");
            assertEquals(List.of(header("范围"), row("合计", february)), rows(book.getSheet("合计")));
            List<String> handComputed = new ArrayList<>(List.of("合计"));
            KpiFixture.EXPECTED.get("2026-02").values().forEach(v -> handComputed.add(plain(v)));
            assertEquals(handComputed, rows(book.getSheet("合计")).get(1));
            assertEquals(List.of(header("银行"), row(fixture.bank, byBank.getMap("points[0].groups[0]")),
                    row("合计", february)), rows(book.getSheet("按银行")));
        }
    }

    @Test
    void shouldAnswerBadWorkbookParametersWithAProblemNamingThem() {
        for (String[] bad : new String[][] {{"/api/v1/stats/report", "month", "2026-13"},
                {"/api/v1/stats/report", "month", "26-02"}, {"/api/v1/stats/report", "month", "0000-01"},
                {"/api/v1/stats/report", "groupBy", "city"}, {"/api/v1/stats/export/xlsx", "groupBy", "city"},
                {"/api/v1/stats/export/xlsx", "from", "yesterday"}}) {
            given().auth().oauth2(Tokens.admin("admin-1")).queryParam(bad[1], bad[2]).when().get(bad[0])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(bad[1]));
        }
        given().auth().oauth2(Tokens.enterprise("user-a")).when().get("/api/v1/stats/report").then().statusCode(403);
        given().when().get("/api/v1/stats/export/xlsx").then().statusCode(401);
    }
}
