package com.finmatch.enterprise.api;

import com.finmatch.platform.http.PageRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Paging for reference lists, which forms want whole: {@code size} defaults to 200 (the maximum). */
public class WholeListRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = 1_000_000, message = "must be at most 1000000")
    public int page;

    @QueryParam("size")
    @DefaultValue("200")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = 200, message = "must be at most 200")
    public int size;

    public PageRequest toPageRequest() {
        return PageRequest.of(page, size);
    }
}
