package com.finmatch.platform.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A page of a list, as every list endpoint returns it: {@code {items, page, size, total}}. The bounds are those of
 * {@link PageRequest}; they appear in the OpenAPI documents.
 */
public record PageResponse<T>(@Size(max = PageRequest.MAX_SIZE) List<T> items,
        @Min(0) @Max(PageRequest.MAX_PAGE) int page,
        @Min(1) @Max(PageRequest.MAX_SIZE) int size,
        @Min(0) @Max(Long.MAX_VALUE) long total) {
}
