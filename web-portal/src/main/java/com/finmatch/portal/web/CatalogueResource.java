package com.finmatch.portal.web;

import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.loan.api.ProductResourceApi;
import com.finmatch.portal.client.loan.model.BankView;
import com.finmatch.portal.client.loan.model.PageResponseBankView;
import com.finmatch.portal.client.loan.model.PageResponseProductView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import com.finmatch.portal.client.loan.model.ProductView;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** 金融超市: the published products, filtered, for everyone without login. */
@Path("/products")
@Produces(MediaType.TEXT_HTML)
public class CatalogueResource {
    static final int PAGE_SIZE = 12;

    @Inject
    @Location("products.html")
    Template products;

    @Inject
    @Location("product.html")
    Template product;

    @Inject
    @RestClient
    ProductResourceApi catalog;

    @Inject
    @RestClient
    BankResourceApi bankRegistry;

    @GET
    public TemplateInstance list(@QueryParam("type") String type, @QueryParam("bankId") String bankId,
            @QueryParam("district") String district, @QueryParam("cluster") String cluster,
            @QueryParam("amount") String amount, @QueryParam("page") Integer page) {
        Filters f = new Filters(blankToNull(type), blankToNull(bankId), blankToNull(district), blankToNull(cluster),
                Forms.decimal(amount), page == null || page < 0 ? 0 : page);
        Paged<ProductView> result = Paged.of(catalog.searchProducts(f.amount == null ? null : f.amount.toPlainString(),
                f.bankId, f.cluster, f.district, f.page, PAGE_SIZE, null, f.type, null), PageResponseProductView::getItems,
                PageResponseProductView::getTotal, f.page, PAGE_SIZE);
        List<BankView> banks = banksOrNone();
        long total = result.total();
        return products.data("items", result.items()).data("total", total).data("filters", f)
                .data("banks", banks).data("bankNames", bankNames(banks)).data("amountInvalid", amount != null && !amount.isBlank() && f.amount == null)
                .data("hasNext", (long) (f.page + 1) * PAGE_SIZE < total).data("hasPrev", f.page > 0)
                .data("query", f.query());
    }

    @GET
    @Path("{id}")
    public TemplateInstance one(@PathParam("id") String id) {
        if (!Forms.isUuid(id)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return product.data("p", catalog.getProduct(java.util.UUID.fromString(id))).data("bankNames", bankNames(banksOrNone()));
    }

    /** bankId → the bank's name, for labels (an id stands for a bank not (yet) registered). */
    public static Map<String, String> bankNames(List<BankView> banks) {
        Map<String, String> names = new java.util.HashMap<>();
        for (BankView b : banks) {
            if (b.getBankId() != null && b.getName() != null) {
                names.put(b.getBankId(), b.getName());
            }
        }
        return names;
    }

    /** Every registered bank (loan-service's registry, read to the end). */
    public static List<BankView> banks(BankResourceApi registry) {
        return Paged.all(n -> registry.listBanks(n, Paged.MAX), PageResponseBankView::getItems,
                PageResponseBankView::getTotal);
    }

    /** The banks for labels only: on a failure the labels fall back to ids. */
    public static List<BankView> banksOrNone(BankResourceApi registry) {
        try {
            return banks(registry);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    List<BankView> banksOrNone() {
        return banksOrNone(bankRegistry);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The filters of the catalogue as the form shows them again. */
    @io.quarkus.qute.TemplateData
    public record Filters(String type, String bankId, String district, String cluster, BigDecimal amount, int page) {
        /** The query string of these filters without the page, for the paging links. */
        public String query() {
            StringBuilder q = new StringBuilder();
            add(q, "type", type);
            add(q, "bankId", bankId);
            add(q, "district", district);
            add(q, "cluster", cluster);
            add(q, "amount", amount == null ? null : amount.toPlainString());
            return q.toString();
        }

        public int prevPage() {
            return Math.max(0, page - 1);
        }

        public int nextPage() {
            return page + 1;
        }

        private static void add(StringBuilder q, String name, String value) {
            if (value != null) {
                q.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        }
    }
}
