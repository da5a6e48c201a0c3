package com.finmatch.loan.service;

import com.finmatch.loan.domain.LoanProduct;
import com.finmatch.loan.domain.ProductStatus;
import com.finmatch.loan.domain.ProductType;
import com.finmatch.loan.security.LoanAccess;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue (金融超市): published products valid today (validFrom ≤ today ≤ validTo), filtered by type, bank, district, cluster and
 * amount, in one indexed query per page (rules live in the product row: no query per product).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogueService {

    /** The filters; null means "any". A status other than PUBLISHED lists a bank's own products (admins: all). */
    public record Filter(ProductType type, String bankId, String district, String cluster, BigDecimal amount,
            ProductStatus status) {
    }

    @Inject
    EntityManager em;

    @Inject
    LoanAccess access;

    @Inject
    DataSource dataSource;

    /**
     * The SQL the catalogue issues for a filter (named parameters; {@code bankId} is the bank to restrict to after
     * the caller's scope was applied). Plain code, so that the catalogue benchmark runs exactly these statements.
     */
    public record Sql(String select, String count, Map<String, Object> params) {

        public static Sql of(Filter filter, String bankId, LocalDate today) {
            List<String> where = new ArrayList<>();
            Map<String, Object> params = new LinkedHashMap<>();
            ProductStatus status = filter.status() == null ? ProductStatus.PUBLISHED : filter.status();
            where.add("p.status = :status");
            params.put("status", status.name());
            if (status == ProductStatus.PUBLISHED) {
                // valid today: not before its validFrom (a product may be published ahead), not after its validTo
                where.add("p.valid_from <= :today and (p.valid_to is null or p.valid_to >= :today)");
                params.put("today", today);
            }
            if (filter.type() != null) {
                where.add("p.type = :type");
                params.put("type", filter.type().name());
            }
            if (bankId != null) {
                where.add("p.bank_id = :bankId");
                params.put("bankId", bankId);
            }
            if (filter.district() != null) {
                where.add("(p.districts_allowed is null or p.districts_allowed @> array[cast(:district as text)])"
                        + " and (p.districts_excluded is null or not p.districts_excluded @> array[cast(:district as text)])");
                params.put("district", filter.district());
            }
            if (filter.cluster() != null) {
                where.add("(p.clusters_allowed is null or p.clusters_allowed @> array[cast(:cluster as text)])"
                        + " and (p.clusters_excluded is null or not p.clusters_excluded @> array[cast(:cluster as text)])");
                params.put("cluster", filter.cluster());
            }
            if (filter.amount() != null) {
                where.add("p.min_amount <= :amount and p.max_amount >= :amount");
                params.put("amount", filter.amount());
            }
            String condition = " from loan_product p where " + String.join(" and ", where);
            return new Sql("select p.*" + condition + " order by p.name, p.id limit :limit offset :offset",
                    "select count(*)" + condition, params);
        }
    }

    /**
     * The catalogue's revision (table {@code catalogue_revision}, V40): a trigger on {@code loan_product} bumps it in
     * every transaction that changes products, so it moves exactly when such a change commits, whichever replica made
     * it. One primary-key read on plain JDBC (no persistence context), for a read on every catalogue request.
     */
    public long revision() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select revision from catalogue_revision where id = 1");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the catalogue revision could not be read", e);
        }
    }

    @SuppressWarnings("unchecked")
    public PageResponse<LoanProduct> search(Filter filter, PageRequest page, LocalDate today) {
        boolean published = filter.status() == null || filter.status() == ProductStatus.PUBLISHED;
        String bankId = published ? filter.bankId() : access.ownProductsScope().orElse(filter.bankId());
        Sql sql = Sql.of(filter, bankId, today);
        Query select = em.createNativeQuery(sql.select(), LoanProduct.class);
        Query count = em.createNativeQuery(sql.count());
        sql.params().forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        select.setParameter("limit", page.size);
        select.setParameter("offset", (long) page.page * page.size);
        List<LoanProduct> items = select.getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        return new PageResponse<>(items, page.page, page.size, total);
    }
}
