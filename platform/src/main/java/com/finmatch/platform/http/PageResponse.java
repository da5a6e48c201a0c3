package com.finmatch.platform.http;

import java.util.List;

/** A page of a list, as every list endpoint returns it: {@code {items, page, size, total}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    /** The requested page of a list computed in memory (a report, a scan of a topic). */
    public static <T> PageResponse<T> of(List<T> all, PageRequest request) {
        long from = Math.min((long) request.page * request.size, all.size());
        long to = Math.min(from + request.size, all.size());
        return new PageResponse<>(List.copyOf(all.subList((int) from, (int) to)), request.page, request.size,
                all.size());
    }
}
