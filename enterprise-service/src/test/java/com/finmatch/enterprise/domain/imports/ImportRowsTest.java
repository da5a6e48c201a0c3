package com.finmatch.enterprise.domain.imports;

import com.finmatch.enterprise.domain.EnterpriseTag;
import com.finmatch.enterprise.domain.Uscc;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rows of a list import, good and bad (issue 16 §5): the file as a whole, each row, and the plan. */
class ImportRowsTest {

    static final String A = "91441203MA4UJ6XW0T";
    static final String B = "91441284MA5KQ8R2TJ";
    static final String C = "91441203MA4W7L8N39";
    static final Set<String> CLUSTERS = Set.of("NEV_AUTO", "SMART_HOME");

    private static List<ListRow> srdi(String csv) {
        return ImportRows.parse(ImportKind.SRDI, ImportTable.read(csv.getBytes(StandardCharsets.UTF_8), 2000), 2000,
                CLUSTERS::contains);
    }

    private static List<ListRow> cluster(String csv) {
        return ImportRows.parse(ImportKind.CLUSTER, ImportTable.read(csv.getBytes(StandardCharsets.UTF_8), 2000),
                2000, CLUSTERS::contains);
    }

    private static BadImportFile bad(ImportKind kind, byte[] content) {
        return assertThrows(BadImportFile.class, () -> ImportRows.parse(kind, ImportTable.read(content, 2000), 2000,
                CLUSTERS::contains));
    }

    @Test
    void shouldShipExamplesInTheTemplatesThatAreValidRows() {
        for (ImportKind kind : ImportKind.values()) {
            assertTrue(Uscc.isValid(kind.example.get(0)), kind.toString());
            List<ListRow> rows = ImportRows.parse(kind, ImportTable.read(ImportTemplates.csv(kind), 2000), 2000,
                    CLUSTERS::contains);
            assertEquals(1, rows.size());
            assertNull(rows.get(0).outcome(), rows.get(0).reason());
            List<ListRow> fromXlsx = ImportRows.parse(kind, ImportTable.read(ImportTemplates.xlsx(kind), 2000), 2000,
                    CLUSTERS::contains);
            assertEquals(rows, fromXlsx);
        }
    }

    @Test
    void shouldAcceptGoodRowsNormalisingCaseTagNamesAndBlanks() {
        List<ListRow> rows = srdi("""
                uscc,name,tag
                %s,肇庆市鼎能汽车零部件有限公司,SRDI_PROVINCIAL
                 %s , "肇庆市星湖生物科技, 股份有限公司" ,专精特新“小巨人”企业

                %s,,high_tech
                """.formatted(A, B.toLowerCase(), C));
        assertEquals(List.of(
                new ListRow(2, A, "肇庆市鼎能汽车零部件有限公司", "SRDI_PROVINCIAL", null, null),
                new ListRow(3, B, "肇庆市星湖生物科技, 股份有限公司", "SRDI_LITTLE_GIANT", null, null),
                new ListRow(5, C, "", "HIGH_TECH", null, null)), rows);
    }

    @Test
    void shouldRejectEachBadRowWithItsReasonAndKeepTheOthers() {
        String wrongCheck = A.substring(0, 17) + (A.charAt(17) == '0' ? '1' : '0');
        List<ListRow> rows = srdi("""
                uscc,name,tag
                %s,错校验位,SRDI_PROVINCIAL
                9144120312345,太短,SRDI_PROVINCIAL
                91441203MA4UJ6XWIT,含I,SRDI_PROVINCIAL
                %s,未知标签,GAZELLE
                %s,无标签,
                %s,重复,SRDI_PROVINCIAL
                %s,重复,专精特新中小企业（省级）
                %s,多一列,TECH_SME,extra
                ,,HIGH_TECH
                %s,%s,TECH_SME
                """.formatted(wrongCheck, B, B, A, A, C, C, "名".repeat(201)));
        assertEquals(10, rows.size());
        Map<Integer, String> reasons = new java.util.TreeMap<>();
        rows.forEach(r -> reasons.put(r.row(), r.reason()));
        assertEquals(ImportOutcome.REJECTED, rows.get(0).outcome());
        assertEquals("uscc has a wrong check character (GB 32100-2015)", reasons.get(2));
        assertEquals("uscc must have 18 characters", reasons.get(3));
        assertTrue(reasons.get(4).startsWith("uscc character 17 ('I')"), reasons.get(4));
        assertTrue(reasons.get(5).startsWith("tag must be one of"), reasons.get(5));
        assertEquals("tag is required", reasons.get(6));
        assertNull(rows.get(5).outcome(), "the first row of a USCC and tag is good");
        assertEquals("repeats row 7 (the same uscc and tag)", reasons.get(8));
        assertEquals("has more than the 3 columns uscc,name,tag", reasons.get(9));
        assertEquals("uscc is required", reasons.get(10));
        assertEquals("name must be at most 200 characters", reasons.get(11));
        assertEquals(200, rows.get(9).name().length(), "the report holds what the column holds");
    }

    @Test
    void shouldCheckClusterCodesAgainstTheReferenceDataAndAllowOneClusterAnEnterprise() {
        List<ListRow> rows = cluster("""
                uscc,name,clusterCode
                %s,甲,nev_auto
                %s,乙,SPACE_MINING
                %s,甲,SMART_HOME
                %s,丙,
                """.formatted(A, B, A, C));
        assertEquals("NEV_AUTO", rows.get(0).value());
        assertNull(rows.get(0).outcome());
        assertEquals("clusterCode is not a cluster of GET /api/v1/reference/clusters", rows.get(1).reason());
        assertEquals("uscc is in row 2 already (one cluster an enterprise)", rows.get(2).reason());
        assertEquals("clusterCode is required", rows.get(3).reason());
    }

    @Test
    void shouldRefuseFilesThatAreEmptyHeaderOnlyOrOfAnotherListNamingWhy() {
        assertEquals(List.of("is empty"), bad(ImportKind.SRDI, new byte[0]).problems);
        assertEquals(List.of("is empty"), bad(ImportKind.SRDI, "\n\n ,, \n".getBytes(StandardCharsets.UTF_8))
                .problems);
        assertEquals(List.of("has a header but no rows"), bad(ImportKind.SRDI,
                "uscc,name,tag\r\n".getBytes(StandardCharsets.UTF_8)).problems);
        String wrong = bad(ImportKind.SRDI, ("uscc,name,clusterCode\n" + A + ",x,NEV_AUTO\n")
                .getBytes(StandardCharsets.UTF_8)).problems.get(0);
        assertEquals("row 1: the header must be uscc,name,tag for a SRDI list, not uscc,name,clusterCode (the "
                + "template: GET /api/v1/imports/templates/SRDI)", wrong);
    }

    @Test
    void shouldRefuseBinaryFilesOldWorkbooksBrokenArchivesAndOpenQuotes() {
        assertTrue(bad(ImportKind.SRDI, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}).problems.get(0)
                .startsWith("is neither CSV"));
        assertTrue(bad(ImportKind.SRDI, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0})
                .problems.get(0).contains(".xls"));
        assertTrue(bad(ImportKind.SRDI, new byte[] {'P', 'K', 3, 4, 1, 2, 3}).problems.get(0)
                .startsWith("is not a readable XLSX workbook"));
        assertEquals(List.of("row 3: a quoted cell is not closed"), bad(ImportKind.SRDI,
                ("uscc,name,tag\n" + A + ",x,TECH_SME\n" + B + ",\"open,TECH_SME\n").getBytes(StandardCharsets.UTF_8))
                .problems);
    }

    @Test
    void shouldRefuseMoreThanTheRowsAllowedButNotCountBlankRows() {
        StringBuilder csv = new StringBuilder("uscc,name,tag\n");
        for (int i = 0; i < 3; i++) {
            csv.append(A).append(",x,TECH_SME\n\n");
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(3, ImportRows.parse(ImportKind.SRDI, ImportTable.read(content, 3), 3, CLUSTERS::contains)
                .size());
        BadImportFile tooMany = assertThrows(BadImportFile.class,
                () -> ImportRows.parse(ImportKind.SRDI, ImportTable.read(content, 2), 2, CLUSTERS::contains));
        assertEquals(List.of("has 3 rows, more than the 2 an import may have"), tooMany.problems);
    }

    @Test
    void shouldReadCsvThatExcelWroteInUtf8WithABomOrInGb18030() {
        String csv = "uscc,name,tag\r\n" + A + ",肇庆市鼎能汽车零部件有限公司,高新技术企业\r\n";
        for (byte[] content : List.of(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8),
                csv.getBytes(Charset.forName("GB18030")))) {
            List<ListRow> rows = ImportRows.parse(ImportKind.SRDI, ImportTable.read(content, 10), 10,
                    CLUSTERS::contains);
            assertEquals(List.of(new ListRow(2, A, "肇庆市鼎能汽车零部件有限公司", "HIGH_TECH", null, null)), rows);
        }
    }

    @Test
    void shouldReadTheFirstSheetOfAnXlsxWorkbookWithTheRowNumbersExcelShows() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("名单");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("USCC");
            header.createCell(1).setCellValue("name");
            header.createCell(2).setCellValue("clusterCode");
            var row = sheet.createRow(2);
            row.createCell(0).setCellValue(A);
            row.createCell(1).setCellValue("甲");
            row.createCell(2).setCellValue("SMART_HOME");
            var numeric = sheet.createRow(3);
            numeric.createCell(0).setCellValue(12345678.0);
            numeric.createCell(2).setCellValue("NEV_AUTO");
            workbook.write(out);
            List<ListRow> rows = ImportRows.parse(ImportKind.CLUSTER, ImportTable.read(out.toByteArray(), 10), 10,
                    CLUSTERS::contains);
            assertEquals(new ListRow(3, A, "甲", "SMART_HOME", null, null), rows.get(0));
            assertEquals(4, rows.get(1).row());
            assertEquals("12345678", rows.get(1).uscc(), "a number cell as Excel shows it");
            assertEquals("uscc must have 18 characters", rows.get(1).reason());
        }
    }

    @Test
    void shouldPlanUpdatesForRegisteredEnterprisesInvitationsForOthersAndNothingForWhatIsHeldAlready() {
        List<ListRow> parsed = srdi("""
                uscc,name,tag
                %s,甲,HIGH_TECH
                %s,甲,TECH_SME
                %s,乙,SRDI_PROVINCIAL
                %s,丙,TECH_SME
                bad,丁,TECH_SME
                """.formatted(A, A, B, C));
        Map<String, ImportPlan.Holding> current = Map.of(
                A, new ImportPlan.Holding(true, EnumSet.of(EnterpriseTag.HIGH_TECH), "NEV_AUTO"),
                C, new ImportPlan.Holding(false, EnumSet.of(EnterpriseTag.TECH_SME), null));
        ImportPlan plan = ImportPlan.of(ImportKind.SRDI, parsed, current);
        assertEquals(List.of(ImportOutcome.UNCHANGED, ImportOutcome.UPDATED, ImportOutcome.ACCEPTED,
                ImportOutcome.UNCHANGED, ImportOutcome.REJECTED), plan.rows.stream().map(ListRow::outcome).toList());
        assertEquals(Set.of(A, B), plan.changed.keySet());
        assertEquals(EnumSet.of(EnterpriseTag.HIGH_TECH, EnterpriseTag.TECH_SME), plan.changed.get(A).tags());
        assertEquals("NEV_AUTO", plan.changed.get(A).clusterCode(), "a tag list leaves the cluster alone");
        assertEquals(EnumSet.of(EnterpriseTag.SRDI_PROVINCIAL), plan.changed.get(B).tags());

        Map<String, ImportPlan.Holding> after = new java.util.HashMap<>(current);
        after.putAll(plan.changed);
        ImportPlan again = ImportPlan.of(ImportKind.SRDI, parsed, after);
        assertEquals(Map.of(), again.changed, "applying the same list again changes nothing");
        assertEquals(4, again.count(ImportOutcome.UNCHANGED));
    }

    @Test
    void shouldPlanAClusterChangeNamingTheClusterItReplaces() {
        List<ListRow> parsed = cluster("uscc,name,clusterCode\n" + A + ",甲,SMART_HOME\n");
        ImportPlan plan = ImportPlan.of(ImportKind.CLUSTER, parsed,
                Map.of(A, new ImportPlan.Holding(true, EnumSet.of(EnterpriseTag.HIGH_TECH), "NEV_AUTO")));
        assertEquals("cluster changed from NEV_AUTO", plan.rows.get(0).reason());
        assertEquals(new ImportPlan.Holding(true, EnumSet.of(EnterpriseTag.HIGH_TECH), "SMART_HOME"),
                plan.changed.get(A));
    }
}
