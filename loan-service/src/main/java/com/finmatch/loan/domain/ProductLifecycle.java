package com.finmatch.loan.domain;

import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a loan product: DRAFT → PUBLISHED (publish), PUBLISHED → SUSPENDED (suspend), SUSPENDED →
 * PUBLISHED (publish again), DRAFT / PUBLISHED / SUSPENDED → WITHDRAWN (final). Everything else is illegal.
 */
public final class ProductLifecycle {

    public enum Move {
        PUBLISH(ProductStatus.PUBLISHED, Set.of(ProductStatus.DRAFT, ProductStatus.SUSPENDED)),
        SUSPEND(ProductStatus.SUSPENDED, Set.of(ProductStatus.PUBLISHED)),
        WITHDRAW(ProductStatus.WITHDRAWN, Set.of(ProductStatus.DRAFT, ProductStatus.PUBLISHED, ProductStatus.SUSPENDED));

        public final ProductStatus target;
        public final Set<ProductStatus> from;

        Move(ProductStatus target, Set<ProductStatus> from) {
            this.target = target;
            this.from = from;
        }
    }

    private static final Map<ProductStatus, Boolean> EDITABLE = Map.of(ProductStatus.DRAFT, true,
            ProductStatus.PUBLISHED, true, ProductStatus.SUSPENDED, true, ProductStatus.WITHDRAWN, false);

    private ProductLifecycle() {
    }

    public static boolean allows(ProductStatus current, Move move) {
        return move.from.contains(current);
    }

    /** A withdrawn product is final: it can no longer be edited. */
    public static boolean editable(ProductStatus current) {
        return EDITABLE.get(current);
    }
}
