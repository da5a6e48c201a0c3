package com.finmatch.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Turns {@link OpenApiValidation} on before each {@code @QuarkusTest} of a module that lists this class in
 * {@code src/test/resources/META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}
 * (Quarkus loads it in the tests' class loader, so the filter lands on the rest-assured the tests use).
 */
public class OpenApiValidationCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        OpenApiValidation.install();
    }
}
