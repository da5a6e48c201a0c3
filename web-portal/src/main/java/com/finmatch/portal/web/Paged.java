package com.finmatch.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One page of a list as a service answers it ({items, page, size, total}), shown with where it is in the whole list:
 * a list the portal shows is either complete or visibly paged, never silently cut off.
 */
@io.quarkus.qute.TemplateData
public record Paged<T>(List<T> items, int page, int size, long total) {
    /** The largest page the services serve. */
    public static final int MAX = 200;

    /**
     * Every item of a list the services serve a page at a time: page after page ({@code fetch} gets the page number and
     * asks for {@link #MAX} items) until the answer's {@code total} is read. {@code items} and {@code total} read the
     * generated page type ({@code PageResponseBankView::getItems} …).
     */
    public static <P, T> List<T> all(IntFunction<P> fetch, Function<P, List<T>> items, Function<P, Long> total) {
        List<T> all = new ArrayList<>();
        for (int n = 0;; n++) {
            P answer = fetch.apply(n);
            List<T> got = answer == null || items.apply(answer) == null ? List.of() : items.apply(answer);
            all.addAll(got);
            Long count = answer == null ? null : total.apply(answer);
            if (got.isEmpty() || count == null || all.size() >= count) {
                return all;
            }
        }
    }

    /** A service's page answer; {@code total} missing means the items are all there is. */
    public static <P, T> Paged<T> of(P answer, Function<P, List<T>> items, Function<P, Long> total, int page, int size) {
        List<T> got = answer == null || items.apply(answer) == null ? List.of() : items.apply(answer);
        Long count = answer == null ? null : total.apply(answer);
        return new Paged<>(got, page, size, count != null ? count : (long) page * size + got.size());
    }

    /** A page number from a query parameter: 0 when absent or negative. */
    public static int number(Integer page) {
        return page == null || page < 0 ? 0 : page;
    }

    public boolean hasPrev() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public int prevPage() {
        return Math.max(0, page - 1);
    }

    public int nextPage() {
        return page + 1;
    }

    /** The position of the first item shown (from 1), 0 when the page is empty. */
    public long first() {
        return items.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long last() {
        return (long) page * size + items.size();
    }

    /** The items shown, as "first–last". */
    public String range() {
        return first() + "–" + last();
    }

    /** True when this page is not the whole list. */
    public boolean partial() {
        return hasPrev() || hasNext();
    }
}
