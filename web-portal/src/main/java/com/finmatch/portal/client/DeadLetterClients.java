package com.finmatch.portal.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The dead-letter API every service has (finmatch-platform's {@code /api/v1/admin/dead-letters}), one client per
 * service, at the URLs of the portal's other clients ({@code quarkus.rest-client.<service>.url}).
 */
@ApplicationScoped
public class DeadLetterClients {

    /** The services, by the config key of their client. */
    public static final List<String> SERVICES = List.of("enterprise", "loan", "matching");

    @Path("/api/v1/admin/dead-letters")
    @Produces(MediaType.APPLICATION_JSON)
    public interface Api {
        @GET
        Map<String, Object> list(@QueryParam("size") int size);

        @POST
        @Path("/{id}/redrive")
        Map<String, Object> redrive(@PathParam("id") String id);

        @POST
        @Path("/redrive-all")
        Map<String, Object> redriveAll();
    }

    private final Map<String, Api> apis = new ConcurrentHashMap<>();

    /** The oldest 200 (a page); re-drive all takes every one. */
    public List<Map<String, Object>> list(String service) {
        return Json.items(api(service).list(200));
    }

    public void redrive(String service, String id) {
        api(service).redrive(id);
    }

    /** @return how many were re-driven */
    public int redriveAll(String service) {
        return ((Number) api(service).redriveAll().getOrDefault("redriven", 0)).intValue();
    }

    private Api api(String service) {
        if (!SERVICES.contains(service)) {
            throw new NotFoundException();
        }
        return apis.computeIfAbsent(service, s -> RestClientBuilder.newBuilder()
                .baseUri(URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client." + s + ".url", String.class)))
                .connectTimeout(2, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS)
                .register(AccessTokenPropagation.class).build(Api.class));
    }
}
