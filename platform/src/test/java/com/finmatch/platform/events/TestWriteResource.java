package com.finmatch.platform.events;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A thin resource over {@link TestWriter}, so that tests see what a client sees when a write fails. */
@Path("/test/things/{aggregateId}")
public class TestWriteResource {

    @Inject
    TestWriter writer;

    @POST
    @Path("/lose-connection")
    public String writeThenLoseTheConnection(@PathParam("aggregateId") String aggregateId) {
        return writer.writeThenLoseTheConnection(aggregateId).toString();
    }
}
