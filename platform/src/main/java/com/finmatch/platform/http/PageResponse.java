package com.finmatch.platform.http;

import java.util.List;

/** A page of a list, as every list endpoint returns it: {@code {items, page, size, total}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
