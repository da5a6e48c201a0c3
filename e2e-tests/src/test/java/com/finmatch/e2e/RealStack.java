package com.finmatch.e2e;

import com.finmatch.devstack.Stack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the real local stack: {@code @ExtendWith(RealStack.class)}. The stack is started once per test
 * run (or the one of a running {@code ./finmatch up} is reused) and stopped after the last test class, whichever
 * classes use it. {@link #stack()} gives it to the test.
 */
public final class RealStack implements BeforeAllCallback {
    private static final String KEY = RealStack.class.getName();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> new Handle(Stack.startOrReuse()), Handle.class);
    }

    /** The stack of this test run; call after the extension ran (in or after {@code @BeforeAll}). */
    public static Stack stack() {
        return Stack.startOrReuse();
    }

    /** Stops what this run started when JUnit closes the root context (JUnit 5 and 6 alike). */
    @SuppressWarnings("deprecation")
    private record Handle(Stack stack) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            stack.stop();
        }
    }
}
