package com.finmatch.platform.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code page} (0–1,000,000) and {@code size} (1–200) query parameters; use with {@code @BeanParam @Valid}.
 * {@code page × size} stays within an int.
 */
public class PageRequest {

    public static final int MAX_PAGE = 1_000_000;
    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = MAX_PAGE, message = "must be at most " + MAX_PAGE)
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_SIZE, message = "must be at most " + MAX_SIZE)
    public int size;

    public static PageRequest of(int page, int size) {
        PageRequest p = new PageRequest();
        p.page = page;
        p.size = size;
        return p;
    }
}
