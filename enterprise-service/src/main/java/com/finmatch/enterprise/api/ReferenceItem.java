package com.finmatch.enterprise.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of reference data: its code, names and, for districts its kind, for industries its division. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"code", "nameZh", "nameEn"})
public record ReferenceItem(@Schema(maxLength = 40) String code, @Schema(maxLength = 100) String nameZh,
        @Schema(maxLength = 200) String nameEn,
        @Schema(maxLength = 10, description = "Districts only: DISTRICT, COUNTY, CITY or ZONE") String kind,
        @Schema(maxLength = 6, description = "Industries only: the GB/T 4754 division the code is under")
        String divisionCode) {
}
