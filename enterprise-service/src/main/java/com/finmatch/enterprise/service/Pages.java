package com.finmatch.enterprise.service;

import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.function.Function;

/** One page of a query, as the API returns lists: {@code {items, page, size, total}}. */
final class Pages {

    private Pages() {
    }

    static <E, V> PageResponse<V> of(PanacheQuery<E> query, PageRequest page, Function<E, V> view) {
        return new PageResponse<>(query.page(page.page, page.size).list().stream().map(view).toList(), page.page,
                page.size, query.count());
    }
}
