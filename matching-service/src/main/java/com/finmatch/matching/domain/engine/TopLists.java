package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.RankedProduct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Each need's top list: {@code topSize} entries (product slot, score) per need slot, best first. */
final class TopLists {

    final int topSize;
    private final Products products;
    int[] topProduct;
    int[] topScore;
    byte[] topCount;

    TopLists(int topSize, Products products) {
        this.topSize = topSize;
        this.products = products;
        topProduct = new int[16 * topSize];
        topScore = new int[16 * topSize];
        topCount = new byte[16];
    }

    /** Room for {@code capacity} need slots. */
    void grow(int capacity) {
        topProduct = Arrays.copyOf(topProduct, capacity * topSize);
        topScore = Arrays.copyOf(topScore, capacity * topSize);
        topCount = Arrays.copyOf(topCount, capacity);
    }

    /** Offers a (product, score) to a need's top list. @return true when the list changed */
    boolean offer(int need, int product, int score) {
        int base = need * topSize;
        int count = topCount[need];
        if (count == topSize && !better(score, product, topScore[base + count - 1], topProduct[base + count - 1])) {
            return false;
        }
        int pos = count == topSize ? count - 1 : count;
        while (pos > 0 && better(score, product, topScore[base + pos - 1], topProduct[base + pos - 1])) {
            topScore[base + pos] = topScore[base + pos - 1];
            topProduct[base + pos] = topProduct[base + pos - 1];
            pos--;
        }
        topScore[base + pos] = score;
        topProduct[base + pos] = product;
        if (count < topSize) {
            topCount[need] = (byte) (count + 1);
        }
        return true;
    }

    /** Offers a chunk of a product's eligible needs (a {@link Sink}). */
    void offerAll(ProductState p, int[] needs, int[] scores, int n) {
        for (int k = 0; k < n; k++) {
            offer(needs[k], p.slot, scores[k]);
        }
    }

    void removeFromTop(int need, int product) {
        int base = need * topSize;
        int count = topCount[need];
        for (int k = 0; k < count; k++) {
            if (topProduct[base + k] == product) {
                System.arraycopy(topProduct, base + k + 1, topProduct, base + k, count - k - 1);
                System.arraycopy(topScore, base + k + 1, topScore, base + k, count - k - 1);
                topCount[need] = (byte) (count - 1);
                return;
            }
        }
    }

    /** Higher score first; equal scores by product id ascending. */
    boolean better(int score, int product, int otherScore, int otherProduct) {
        if (score != otherScore) {
            return score > otherScore;
        }
        ProductState a = products.states[product];
        ProductState b = products.states[otherProduct];
        int high = Long.compareUnsigned(a.idHigh, b.idHigh);
        return high != 0 ? high < 0 : Long.compareUnsigned(a.idLow, b.idLow) < 0;
    }

    /** A need's top list as the API shows it. */
    List<RankedProduct> list(int need) {
        List<RankedProduct> list = new ArrayList<>();
        int base = need * topSize;
        for (int k = 0; k < topCount[need]; k++) {
            ProductState p = products.states[topProduct[base + k]];
            list.add(new RankedProduct(p.spec.productId(), p.spec.bankId(), Formats.points(topScore[base + k])));
        }
        return list;
    }
}
