package com.finmatch.portal.client;

import com.finmatch.portal.client.enterprise.api.DeadLetterResourceApi;
import com.finmatch.portal.client.enterprise.model.DeadLetter;
import com.finmatch.portal.client.enterprise.model.PageResponseDeadLetter;
import com.finmatch.portal.web.Paged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The dead-letter API every service has (platform's {@code /api/v1/admin/dead-letters}), one client per service, at
 * the URLs of the portal's other clients ({@code quarkus.rest-client.<service>.url}). The three documents describe it
 * identically (same paths, same {@code DeadLetter}, {@code PageResponseDeadLetter} and {@code Redriven} schemas;
 * {@code DeadLetterDocumentsTest} keeps it so), so the generated enterprise-service interface and models serve all
 * three services instead of three copies of the same types.
 */
@ApplicationScoped
public class DeadLetterClients {

    /** The services, by the config key of their client. */
    public static final List<String> SERVICES = List.of("enterprise", "loan", "matching");

    private final Map<String, DeadLetterResourceApi> apis = new ConcurrentHashMap<>();

    /** Every dead letter of the service not yet re-driven, read to the end. */
    public List<DeadLetter> list(String service) {
        DeadLetterResourceApi api = api(service);
        return Paged.all(n -> api.listDeadLetters(false, n, Paged.MAX), PageResponseDeadLetter::getItems,
                PageResponseDeadLetter::getTotal);
    }

    public void redrive(String service, String id) {
        api(service).redriveDeadLetter(id);
    }

    /** @return how many were re-driven */
    public int redriveAll(String service) {
        Integer redriven = api(service).redriveAllDeadLetters().getRedriven();
        return redriven == null ? 0 : redriven;
    }

    private DeadLetterResourceApi api(String service) {
        if (!SERVICES.contains(service)) {
            throw new NotFoundException();
        }
        return apis.computeIfAbsent(service, s -> RestClientBuilder.newBuilder()
                .baseUri(URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client." + s + ".url", String.class)))
                .connectTimeout(2, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS)
                .register(AccessTokenPropagation.class).build(DeadLetterResourceApi.class));
    }
}
