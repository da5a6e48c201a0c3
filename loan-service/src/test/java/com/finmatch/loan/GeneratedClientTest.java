package com.finmatch.loan;

import com.finmatch.client.loan.ApiClient;
import com.finmatch.client.loan.JSON;
import com.finmatch.client.loan.api.ProductResourceApi;
import com.finmatch.client.loan.model.ComparisonRule;
import com.finmatch.client.loan.model.ComparisonRuleMessage;
import com.finmatch.client.loan.model.GuaranteeType;
import com.finmatch.client.loan.model.ListRule;
import com.finmatch.client.loan.model.PageResponseProductView;
import com.finmatch.client.loan.model.ProductRequest;
import com.finmatch.client.loan.model.ProductStatus;
import com.finmatch.client.loan.model.ProductType;
import com.finmatch.client.loan.model.ProductView;
import com.finmatch.client.loan.model.RangeRule;
import com.finmatch.client.loan.model.Rule;
import com.finmatch.client.loan.model.RuleValueItem;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 10 §1: the Java client OpenAPI Generator 7.25.0 makes at build time from the committed
 * docs/openapi/loan-service.yaml (generator {@code java}, library {@code native}; configuration in the parent pom), used
 * as a bank's integration would use it, with no hand edit: a bank creates a product with rules of every value shape (a
 * number, a code, a list for IN, a [low, high] pair for BETWEEN), publishes it, and reads it back from the public
 * catalogue and by id, field by field. Nothing but the generated client talks to the service here.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource
    URL root;

    private ProductResourceApi products(String token) {
        // with the generated JSON mapper: no scalar coercion (docs/openapi/README.md, "A bank's client")
        ApiClient client = new ApiClient(HttpClient.newBuilder(), new JSON().getMapper(),
                root.toString().replaceAll("/+$", ""));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return new ProductResourceApi(client);
    }

    /** A rule's message is nullable, so the document writes it inline; the generator names that type once. */
    private static ComparisonRuleMessage message(String zh, String en) {
        return new ComparisonRuleMessage().zh(zh).en(en);
    }

    private static List<Rule> rulesOfEveryShape() {
        return List.of(
                new Rule(new ComparisonRule().field("yearsInBusiness").operator(ComparisonRule.OperatorEnum.GE)
                        .value(new RuleValueItem(new BigDecimal("2"))).hard(true).weight(0)
                        .message(message("成立满2年", "In business for at least 2 years"))),
                new Rule(new ComparisonRule().field("tags").operator(ComparisonRule.OperatorEnum.CONTAINS)
                        .value(new RuleValueItem("SRDI_PROVINCIAL")).hard(false).weight(30)
                        .message(message("省级专精特新企业优先", "Provincial SRDI enterprises preferred"))),
                new Rule(new ListRule().field("districtCode").operator(ListRule.OperatorEnum.IN)
                        .value(List.of(new RuleValueItem("441202"), new RuleValueItem("441203"))).hard(true)
                        .weight(0).message(message("限定区域", "Districts"))),
                new Rule(new RangeRule().field("employees").operator(RangeRule.OperatorEnum.BETWEEN)
                        .value(List.of(new BigDecimal("10"), new BigDecimal("500"))).hard(false).weight(20)
                        .message(message("员工10至500人", "10 to 500 staff"))));
    }

    @Test
    void shouldRunABanksProductFlowWithOnlyTheClientGeneratedFromTheCommittedDocument() throws Exception {
        String bankId = TestData.bankUnique("GEN");
        ProductResourceApi bank = products(Tokens.bank("bank-integration", bankId));
        ProductRequest request = new ProductRequest()
                .name("生成客户端信用贷").type(ProductType.TECH_LOAN).description("OpenAPI Generator client")
                .minAmount(new BigDecimal("100000")).maxAmount(new BigDecimal("3000000"))
                .minTermMonths(6).maxTermMonths(36)
                .minAnnualRate(new BigDecimal("3.1")).maxAnnualRate(new BigDecimal("3.85")).lprSpreadBps(15)
                .guaranteeTypes(List.of(GuaranteeType.CREDIT, GuaranteeType.IP_PLEDGE))
                .rules(rulesOfEveryShape())
                .materialsRequired(List.of("营业执照", "专利证书"))
                .validFrom(LocalDate.of(2026, 1, 1)).validTo(LocalDate.of(2099, 12, 31));

        ProductView created = bank.createProduct(request);
        assertEquals(ProductStatus.DRAFT, created.getStatus());
        assertEquals(bankId, created.getBankId());
        assertNull(created.getPublishedAt());
        assertSameProduct(request, created);

        ProductView published = bank.publishProduct(created.getId());
        assertEquals(ProductStatus.PUBLISHED, published.getStatus());
        assertNotNull(published.getPublishedAt());

        ProductResourceApi anyone = products(null);
        PageResponseProductView catalogue = anyone.searchProducts(null, bankId, null, null, 0, 20, null, null, null);
        assertEquals(1L, catalogue.getTotal());
        ProductView listed = catalogue.getItems().get(0);
        assertEquals(created.getId(), listed.getId());
        assertEquals(ProductStatus.PUBLISHED, listed.getStatus());
        assertSameProduct(request, listed);

        ProductView read = anyone.getProduct(created.getId());
        assertEquals(bankId, read.getBankId());
        assertEquals(published.getVersion(), read.getVersion());
        assertSameProduct(request, read);
    }

    /** Every field the bank sent comes back as sent, each rule in the shape it was sent in. */
    private static void assertSameProduct(ProductRequest sent, ProductView got) {
        assertEquals(sent.getName(), got.getName());
        assertEquals(sent.getType(), got.getType());
        assertEquals(sent.getDescription(), got.getDescription());
        assertEquals(0, sent.getMinAmount().compareTo(got.getMinAmount()), "minAmount " + got.getMinAmount());
        assertEquals(0, sent.getMaxAmount().compareTo(got.getMaxAmount()), "maxAmount " + got.getMaxAmount());
        assertEquals(sent.getMinTermMonths(), got.getMinTermMonths());
        assertEquals(sent.getMaxTermMonths(), got.getMaxTermMonths());
        assertEquals(0, sent.getMinAnnualRate().compareTo(got.getMinAnnualRate()), "minAnnualRate");
        assertEquals(0, sent.getMaxAnnualRate().compareTo(got.getMaxAnnualRate()), "maxAnnualRate");
        assertEquals(sent.getLprSpreadBps(), got.getLprSpreadBps());
        assertEquals(sent.getGuaranteeTypes(), got.getGuaranteeTypes());
        assertEquals(sent.getMaterialsRequired(), got.getMaterialsRequired());
        assertEquals(sent.getValidFrom(), got.getValidFrom());
        assertEquals(sent.getValidTo(), got.getValidTo());
        assertEquals(sent.getRules().size(), got.getRules().size());
        for (int i = 0; i < sent.getRules().size(); i++) {
            Object want = sent.getRules().get(i).getActualInstance();
            Object have = got.getRules().get(i).getActualInstance();
            assertEquals(want.getClass(), have.getClass(), "rules[" + i + "] shape");
            assertEquals(want, have, "rules[" + i + "]");
        }
    }
}
