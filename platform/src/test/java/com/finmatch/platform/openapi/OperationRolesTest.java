package com.finmatch.platform.openapi;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The roles written into the OpenAPI documents are those of the annotations Quarkus enforces, method over class. */
class OperationRolesTest {

    @Path("/api/v1/things/")
    @RolesAllowed({"enterprise", "admin"})
    static class ThingResource {
        @GET
        public void listThings() {
        }

        @PUT
        @Path("{id: [0-9a-f-]+}")
        @RolesAllowed("enterprise")
        public void putThing() {
        }

        @GET
        @Path("/public")
        @PermitAll
        public void publicThings() {
        }

        @POST
        @Path("/{id}/touch")
        @Authenticated
        public void touchThing() {
        }

        public void notAnOperation() {
        }
    }

    @Path("open")
    static class OpenResource {
        @DELETE
        public void deleteOpen() {
        }
    }

    private static OperationRoles roles() throws IOException {
        return new OperationRoles(Index.of(ThingResource.class, OpenResource.class));
    }

    @Test
    void shouldTakeAMethodsRolesOverItsClasssAndTheClasssWhereTheMethodNamesNone() throws IOException {
        assertEquals(Optional.of(List.of("enterprise", "admin")), roles().of("GET", "/api/v1/things"));
        assertEquals(Optional.of(List.of("enterprise")), roles().of("PUT", "/api/v1/things/{id}"));
    }

    @Test
    void shouldNameAnySignedInCallerForAuthenticatedAndNoRolesForPublicOperations() throws IOException {
        assertEquals(Optional.of(List.of(OperationRoles.ANY_ROLE)), roles().of("POST", "/api/v1/things/{id}/touch"));
        assertEquals(Optional.empty(), roles().of("GET", "/api/v1/things/public"));
        assertEquals(Optional.empty(), roles().of("delete", "/open"));
    }

    @Test
    void shouldRefuseAnOperationNoResourceMethodServes() throws IOException {
        OperationRoles roles = roles();
        assertThrows(IllegalStateException.class, () -> roles.of("POST", "/api/v1/things"));
    }
}
