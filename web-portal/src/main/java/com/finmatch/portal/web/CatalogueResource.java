package com.finmatch.portal.web;

import com.finmatch.portal.client.CatalogClient;
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
    CatalogClient catalog;

    @GET
    public TemplateInstance list(@QueryParam("type") String type, @QueryParam("bankId") String bankId,
            @QueryParam("district") String district, @QueryParam("cluster") String cluster,
            @QueryParam("amount") String amount, @QueryParam("page") Integer page) {
        Filters f = new Filters(blankToNull(type), blankToNull(bankId), blankToNull(district), blankToNull(cluster),
                Forms.decimal(amount), page == null || page < 0 ? 0 : page);
        Map<String, Object> result = catalog.products(f.type, f.bankId, f.district, f.cluster, f.amount, f.page, PAGE_SIZE);
        List<Map<String, Object>> banks = banksOrNone();
        long total = result.get("total") instanceof Number n ? n.longValue() : CatalogClient.list(result).size();
        return products.data("items", CatalogClient.list(result)).data("total", total).data("filters", f)
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
        return product.data("p", catalog.product(id)).data("bankNames", bankNames(banksOrNone()));
    }

    /** bankId → the bank's name in the user's language (a service may send {@code nameEn}). */
    public static Map<String, String> bankNames(List<Map<String, Object>> banks) {
        boolean english = io.quarkus.arc.Arc.container().instance(com.finmatch.portal.i18n.Lang.class).get().english();
        Map<String, String> names = new java.util.HashMap<>();
        for (Map<String, Object> b : banks) {
            Object name = english && b.get("nameEn") != null ? b.get("nameEn") : b.get("name");
            if (b.get("bankId") != null && name != null) {
                names.put(b.get("bankId").toString(), name.toString());
            }
        }
        return names;
    }

    List<Map<String, Object>> banksOrNone() {
        try {
            return Paged.all(n -> catalog.banks(n, Paged.MAX));
        } catch (RuntimeException e) {
            return List.of();
        }
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
