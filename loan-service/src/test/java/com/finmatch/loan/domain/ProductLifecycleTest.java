package com.finmatch.loan.domain;

import com.finmatch.loan.domain.ProductLifecycle.Move;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProductLifecycleTest {

    @Test
    void shouldAllowOnlyTheDocumentedMoves() {
        String expected = "DRAFT:PUBLISH,WITHDRAW PUBLISHED:SUSPEND,WITHDRAW SUSPENDED:PUBLISH,WITHDRAW WITHDRAWN:";
        StringBuilder actual = new StringBuilder();
        for (ProductStatus status : ProductStatus.values()) {
            actual.append(actual.isEmpty() ? "" : " ").append(status).append(':');
            StringBuilder moves = new StringBuilder();
            for (Move move : Move.values()) {
                if (ProductLifecycle.allows(status, move)) {
                    moves.append(moves.isEmpty() ? "" : ",").append(move);
                }
            }
            actual.append(moves);
        }
        assertEquals(expected, actual.toString());
    }

    @Test
    void shouldFreezeAWithdrawnProduct() {
        assertEquals(false, ProductLifecycle.editable(ProductStatus.WITHDRAWN));
        assertEquals(true, ProductLifecycle.editable(ProductStatus.PUBLISHED));
    }
}
