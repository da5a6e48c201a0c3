package com.finmatch.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a query parameter with a control character (a {@code %00} in a search term would reach PostgreSQL, which
 * cannot store or compare U+0000) with a 400 naming the parameter, before any resource sees it — in every service.
 */
public class QueryParameterCheck {

    @ServerRequestFilter
    public Optional<Response> refuseControlCharacters(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            boolean bad = InputBounds.hasControlCharacter(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(InputBounds::hasControlCharacter);
            if (bad) {
                String name = InputBounds.hasControlCharacter(parameter.getKey()) ? "query" : parameter.getKey();
                return Optional.of(ProblemMappers.respond(
                        ProblemException.invalid(name, InputBounds.CONTROL_CHARACTERS).problem()));
            }
        }
        return Optional.empty();
    }
}
