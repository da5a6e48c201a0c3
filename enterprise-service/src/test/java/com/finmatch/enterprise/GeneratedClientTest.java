package com.finmatch.enterprise;

import com.finmatch.client.enterprise.ApiClient;
import com.finmatch.client.enterprise.JSON;
import com.finmatch.client.enterprise.api.EnterpriseResourceApi;
import com.finmatch.client.enterprise.api.FinancingNeedResourceApi;
import com.finmatch.client.enterprise.model.EnterpriseRequest;
import com.finmatch.client.enterprise.model.EnterpriseTag;
import com.finmatch.client.enterprise.model.EnterpriseView;
import com.finmatch.client.enterprise.model.FinancingNeedRequest;
import com.finmatch.client.enterprise.model.FinancingNeedView;
import com.finmatch.client.enterprise.model.FinancingPurpose;
import com.finmatch.client.enterprise.model.GuaranteeType;
import com.finmatch.client.enterprise.model.ListingIntention;
import com.finmatch.client.enterprise.model.NeedStatus;
import com.finmatch.client.enterprise.model.PageResponseFinancingNeedView;
import com.finmatch.client.enterprise.model.SizeClass;
import com.finmatch.client.enterprise.model.TargetBoard;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 10 §1: the Java client OpenAPI Generator 7.25.0 makes at build time from the committed
 * docs/openapi/enterprise-service.yaml (parent pom), with no hand edit, runs an enterprise's flow: it registers its
 * company, reads it back, opens a financing need and reads that back, by id and in its list. Nothing but the generated
 * client talks to the service here.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class GeneratedClientTest {

    @TestHTTPResource
    URL root;

    private ApiClient client(String token) {
        // with the generated JSON mapper: no scalar coercion (docs/openapi/README.md, "A bank's client")
        ApiClient client = new ApiClient(HttpClient.newBuilder(), new JSON().getMapper(),
                root.toString().replaceAll("/+$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void shouldRegisterAnEnterpriseAndOpenANeedWithOnlyTheClientGeneratedFromTheCommittedDocument() throws Exception {
        ApiClient owner = client(Tokens.enterprise(Fixtures.newSubject("generated-client")));
        EnterpriseResourceApi enterprises = new EnterpriseResourceApi(owner);
        FinancingNeedResourceApi needs = new FinancingNeedResourceApi(owner);
        String uscc = Fixtures.uscc();
        EnterpriseRequest profile = new EnterpriseRequest()
                .uscc(uscc).name("肇庆市生成客户端科技有限公司").legalRepresentative("冯海燕")
                .foundedOn(LocalDate.of(2018, 11, 28)).registeredCapital(new BigDecimal("10000000"))
                .districtCode("441203").industryCode("C3670").clusterCode("NEV_AUTO").sizeClass(SizeClass.SMALL)
                .tags(new LinkedHashSet<>(List.of(EnterpriseTag.HIGH_TECH, EnterpriseTag.SRDI_PROVINCIAL)))
                .employees(80).annualRevenue(new BigDecimal("52000000.5")).revenueGrowth(new BigDecimal("12.5"))
                .netProfit(new BigDecimal("4340000")).totalAssets(new BigDecimal("70600000"))
                .totalLiabilities(new BigDecimal("21800000")).taxPaid(new BigDecimal("1430000"))
                .rdRatio(new BigDecimal("5.6")).patents(36).creditRating("AA")
                .listingIntention(ListingIntention.CONSIDERING).targetBoard(TargetBoard.BSE)
                .contactName("李明").contactPhone("+86 758 2888888").contactEmail("finance@example.cn");

        EnterpriseView registered = enterprises.registerEnterprise(profile);
        assertSameEnterprise(profile, registered);
        assertSameEnterprise(profile, enterprises.myEnterprise());
        EnterpriseView read = enterprises.getEnterprise(registered.getId());
        assertEquals(registered.getId(), read.getId());
        assertSameEnterprise(profile, read);

        FinancingNeedRequest need = new FinancingNeedRequest()
                .amount(new BigDecimal("3000000")).termMonths(12).purpose(FinancingPurpose.TECH_UPGRADE)
                .guaranteeTypes(new LinkedHashSet<>(List.of(GuaranteeType.CREDIT, GuaranteeType.IP_PLEDGE)))
                .maxAnnualRate(new BigDecimal("4.2")).neededBy(LocalDate.now().plusMonths(3));
        FinancingNeedView opened = needs.openNeed(registered.getId(), need);
        assertEquals(NeedStatus.OPEN, opened.getStatus());
        assertEquals(registered.getId(), opened.getEnterpriseId());
        assertSameNeed(need, opened);
        assertSameNeed(need, needs.getNeed(registered.getId(), opened.getId()));

        PageResponseFinancingNeedView list = needs.listNeeds(registered.getId(), 0, 20, "OPEN");
        assertEquals(1L, list.getTotal());
        assertEquals(opened.getId(), list.getItems().get(0).getId());
        assertSameNeed(need, list.getItems().get(0));
    }

    private static void assertSameEnterprise(EnterpriseRequest sent, EnterpriseView got) {
        assertEquals(sent.getUscc(), got.getUscc());
        assertEquals(sent.getName(), got.getName());
        assertEquals(sent.getLegalRepresentative(), got.getLegalRepresentative());
        assertEquals(sent.getFoundedOn(), got.getFoundedOn());
        assertSameNumber(sent.getRegisteredCapital(), got.getRegisteredCapital(), "registeredCapital");
        assertEquals(sent.getDistrictCode(), got.getDistrictCode());
        assertEquals(sent.getIndustryCode(), got.getIndustryCode());
        assertEquals(sent.getClusterCode(), got.getClusterCode());
        assertEquals(sent.getSizeClass(), got.getSizeClass());
        assertEquals(sent.getTags(), Set.copyOf(got.getTags()));
        assertEquals(sent.getEmployees(), got.getEmployees());
        assertSameNumber(sent.getAnnualRevenue(), got.getAnnualRevenue(), "annualRevenue");
        assertSameNumber(sent.getRevenueGrowth(), got.getRevenueGrowth(), "revenueGrowth");
        assertSameNumber(sent.getNetProfit(), got.getNetProfit(), "netProfit");
        assertSameNumber(sent.getTotalAssets(), got.getTotalAssets(), "totalAssets");
        assertSameNumber(sent.getTotalLiabilities(), got.getTotalLiabilities(), "totalLiabilities");
        assertSameNumber(sent.getTaxPaid(), got.getTaxPaid(), "taxPaid");
        assertSameNumber(sent.getRdRatio(), got.getRdRatio(), "rdRatio");
        assertEquals(sent.getPatents(), got.getPatents());
        assertEquals(sent.getCreditRating(), got.getCreditRating());
        assertEquals(sent.getListingIntention(), got.getListingIntention());
        // a nullable enum is written inline in the view, so the client has a type of its own for it there
        assertEquals(sent.getTargetBoard().getValue(), got.getTargetBoard().getValue());
        assertEquals(sent.getContactName(), got.getContactName());
        assertEquals(sent.getContactPhone(), got.getContactPhone());
        assertEquals(sent.getContactEmail(), got.getContactEmail());
    }

    private static void assertSameNeed(FinancingNeedRequest sent, FinancingNeedView got) {
        assertSameNumber(sent.getAmount(), got.getAmount(), "amount");
        assertEquals(sent.getTermMonths(), got.getTermMonths());
        assertEquals(sent.getPurpose(), got.getPurpose());
        assertEquals(sent.getGuaranteeTypes(), Set.copyOf(got.getGuaranteeTypes()));
        assertSameNumber(sent.getMaxAnnualRate(), got.getMaxAnnualRate(), "maxAnnualRate");
        assertEquals(sent.getNeededBy(), got.getNeededBy());
        assertEquals(sent.getProjectId(), got.getProjectId());
    }

    private static void assertSameNumber(BigDecimal sent, BigDecimal got, String field) {
        assertEquals(0, sent.compareTo(got), field + ": sent " + sent + ", got " + got);
    }
}
