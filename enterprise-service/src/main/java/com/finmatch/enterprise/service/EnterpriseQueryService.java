package com.finmatch.enterprise.service;

import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads of enterprises for administrators. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EnterpriseQueryService {

    public PageResponse<Enterprise> search(PageRequest page) {
        var query = Enterprise.<Enterprise>findAll(Sort.by("name").and("id"));
        return new PageResponse<>(query.page(page.page, page.size).list(), page.page, page.size, query.count());
    }
}
