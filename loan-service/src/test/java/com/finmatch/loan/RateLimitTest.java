package com.finmatch.loan;

import com.finmatch.testing.RateLimitContract;
import com.finmatch.testing.ServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The platform's rate limit on this service's API, with low quotas (the tests are {@link RateLimitContract}'s). */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@TestProfile(RateLimitContract.LowQuotas.class)
class RateLimitTest extends RateLimitContract {

    @Override
    protected String signedInPath() {
        return "/api/v1/products"; // also the calls without a token: the public catalogue, limited per address
    }
}
