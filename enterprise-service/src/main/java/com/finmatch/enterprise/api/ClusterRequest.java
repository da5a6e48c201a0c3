package com.finmatch.enterprise.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new industrial cluster, added by an administrator. */
public record ClusterRequest(
        @NotBlank @Size(max = 40)
        @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$", message = "must be 2-40 of A-Z, 0-9 and _") String code,
        @NotBlank @Size(max = 100) String nameZh,
        @NotBlank @Size(max = 200) String nameEn) {
}
