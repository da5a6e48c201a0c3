package com.finmatch.matching.domain.engine;

import java.time.LocalDate;

/**
 * The engine's shared state, built once by {@link MatchingEngine} and handed to every part: the columns, the stores
 * (needs and enterprises, products, top lists, declined pairs) and the index. Plain fields, no locking: the facade
 * holds the lock for every call.
 */
final class EngineState {

    final LocalDate today;
    final Columns c = new Columns();
    final RuleCompiler compiler = new RuleCompiler(c);
    final Products products = new Products();
    final DeclinedPairs declined = new DeclinedPairs();
    final TopLists tops;
    final BitIndex index;
    final Needs needs;

    EngineState(int topSize, LocalDate today) {
        this.today = today;
        tops = new TopLists(topSize, products);
        index = new BitIndex(c, products);
        needs = new Needs(c, index, tops, today);
    }
}
