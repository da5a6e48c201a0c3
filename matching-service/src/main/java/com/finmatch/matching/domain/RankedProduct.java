package com.finmatch.matching.domain;

import java.math.BigDecimal;

/** One entry of a need's top list. */
public record RankedProduct(String productId, String bankId, BigDecimal score) {
}
