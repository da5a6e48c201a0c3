package com.finmatch.enterprise.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of reference data: its code, names and, for districts its kind, for industries its division. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferenceItem(String code, String nameZh, String nameEn, String kind, String divisionCode) {
}
