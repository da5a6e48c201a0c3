package com.finmatch.loan.bench;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The read benchmark's baseline: a trivial REST endpoint of this service, behind the same filters as the catalogue
 * (rate limit, security), present only when {@link CatalogueHttpBenchmark}'s profile builds the application.
 */
@Path("/bench/trivial")
@IfBuildProperty(name = "finmatch.bench.trivial-endpoint", stringValue = "true")
public class TrivialResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String trivial() {
        return "ok";
    }
}
