package com.finmatch.portal.web;

import com.finmatch.portal.client.CatalogClient;
import com.finmatch.portal.client.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One page of a list as a service answers it ({items, page, size, total}), shown with where it is in the whole list:
 * a list the portal shows is either complete or visibly paged, never silently cut off.
 */
@io.quarkus.qute.TemplateData
public record Paged(List<Map<String, Object>> items, int page, int size, long total) {
    /** The largest page the services serve. */
    public static final int MAX = 200;

    /**
     * Every item of a list the services serve a page at a time: page after page ({@code fetch} gets the page number and
     * asks for {@link #MAX} items) until the answer's {@code total} is read. A plain array answer is the whole list.
     */
    public static List<Map<String, Object>> all(IntFunction<Object> fetch) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int n = 0;; n++) {
            Object answer = fetch.apply(n);
            List<Map<String, Object>> items = CatalogClient.list(answer);
            all.addAll(items);
            Object total = answer instanceof Map<?, ?> m ? m.get("total") : null;
            if (items.isEmpty() || !(total instanceof Number t) || all.size() >= t.longValue()) {
                return all;
            }
        }
    }

    /** A service's page answer; {@code total} missing means the items are all there is. */
    public static Paged of(Map<String, Object> answer, int page, int size) {
        List<Map<String, Object>> items = Json.items(answer);
        Object total = answer == null ? null : answer.get("total");
        return new Paged(items, page, size, total instanceof Number n ? n.longValue() : (long) page * size + items.size());
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
