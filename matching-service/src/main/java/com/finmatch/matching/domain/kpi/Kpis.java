package com.finmatch.matching.domain.kpi;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The administrator's KPIs (PRODUCT.md) for one group — or for everything when {@code key} is {@code null}.
 * Rates are percentages with 2 decimals (0 when there is nothing to divide by), money is yuan, times are hours.
 */
public record Kpis(
        @Schema(nullable = true, description = "the group's code (`-`: none known); null in the total")
        @Size(max = KpiFilter.MAX_LENGTH) String key,
        @Min(0) @Max(Long.MAX_VALUE) long enterprisesRegistered,
        @Min(0) @Max(Long.MAX_VALUE) long enterprisesServed,
        @Min(0) @Max(Long.MAX_VALUE) long openNeeds,
        @Min(0) @Max(Long.MAX_VALUE) long matches,
        @Min(0) @Max(Long.MAX_VALUE) long applications,
        @DecimalMin("0") @DecimalMax("100") BigDecimal acceptanceRate,
        @DecimalMin("0") @DecimalMax("100") BigDecimal approvalRate,
        BigDecimal amountApproved,
        BigDecimal amountDisbursed,
        BigDecimal medianResponseHours,
        BigDecimal p90ResponseHours,
        @Min(0) @Max(Long.MAX_VALUE) long overdueLeads,
        @Min(0) @Max(Long.MAX_VALUE) long reroutedNeeds,
        @Min(0) @Max(Long.MAX_VALUE) long reroutedApproved,
        @Min(0) @Max(Long.MAX_VALUE) long firstLoanEnterprises,
        @DecimalMin("0") @DecimalMax("100") BigDecimal creditLoanShare,
        BigDecimal averageApprovedRate,
        BigDecimal averageRateVsLprBps,
        @Min(0) @Max(Long.MAX_VALUE) long subsidisedLoans,
        BigDecimal subsidyAnnualAmount,
        BigDecimal riskPoolExposure) {

    /** How a KPI column's numbers read: what a spreadsheet formats them as. */
    public enum Unit { COUNT, PERCENT, YUAN, HOURS, BPS }

    /** One KPI column of the exports: its CSV name, its Chinese header, its unit and its value. */
    public record Column(String name, String chineseName, Unit unit, Function<Kpis, Object> value) {
    }

    /** The KPI columns of every export (CSV and workbook), in their order; the group's column comes before them. */
    public static final List<Column> COLUMNS = List.of(
            new Column("enterprisesRegistered", "注册企业", Unit.COUNT, Kpis::enterprisesRegistered),
            new Column("enterprisesServed", "获得服务的企业", Unit.COUNT, Kpis::enterprisesServed),
            new Column("openNeeds", "进行中的融资需求", Unit.COUNT, Kpis::openNeeds),
            new Column("matches", "撮合次数", Unit.COUNT, Kpis::matches),
            new Column("applications", "申请数", Unit.COUNT, Kpis::applications),
            new Column("acceptanceRate", "接单率（%）", Unit.PERCENT, Kpis::acceptanceRate),
            new Column("approvalRate", "批准率（%）", Unit.PERCENT, Kpis::approvalRate),
            new Column("amountApproved", "批准金额（元）", Unit.YUAN, Kpis::amountApproved),
            new Column("amountDisbursed", "放款金额（元）", Unit.YUAN, Kpis::amountDisbursed),
            new Column("medianResponseHours", "答复用时中位数（工作小时）", Unit.HOURS, Kpis::medianResponseHours),
            new Column("p90ResponseHours", "答复用时P90（工作小时）", Unit.HOURS, Kpis::p90ResponseHours),
            new Column("overdueLeads", "超时线索", Unit.COUNT, Kpis::overdueLeads),
            new Column("reroutedNeeds", "被拒后转介的需求", Unit.COUNT, Kpis::reroutedNeeds),
            new Column("reroutedApproved", "转介后获批", Unit.COUNT, Kpis::reroutedApproved),
            new Column("firstLoanEnterprises", "平台首贷户", Unit.COUNT, Kpis::firstLoanEnterprises),
            new Column("creditLoanShare", "信用贷款占比（%）", Unit.PERCENT, Kpis::creditLoanShare),
            new Column("averageApprovedRate", "平均批准利率（%）", Unit.PERCENT, Kpis::averageApprovedRate),
            new Column("averageRateVsLprBps", "相对LPR（基点）", Unit.BPS, Kpis::averageRateVsLprBps),
            new Column("subsidisedLoans", "贴息贷款笔数", Unit.COUNT, Kpis::subsidisedLoans),
            new Column("subsidyAnnualAmount", "贴息金额（元/年）", Unit.YUAN, Kpis::subsidyAnnualAmount),
            new Column("riskPoolExposure", "风险池敞口（元）", Unit.YUAN, Kpis::riskPoolExposure));

    /** The column names of a CSV export, in the order of {@link #csvValues()}: the group, then {@link #COLUMNS}. */
    public static final String[] CSV_HEADER = Stream.concat(Stream.of("group"), COLUMNS.stream().map(Column::name))
            .toArray(String[]::new);

    public Object[] csvValues() {
        return Stream.concat(Stream.of(key == null ? "TOTAL" : key), COLUMNS.stream().map(c -> c.value().apply(this)))
                .toArray();
    }
}
