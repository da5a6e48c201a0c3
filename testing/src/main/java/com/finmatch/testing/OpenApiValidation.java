package com.finmatch.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real validator on real traffic (issue 10 §1): Atlassian's swagger-request-validator checks every response a test
 * receives from the service's {@code /api} — and the request of every successful exchange — against the OpenAPI
 * document the service itself serves at {@code /q/openapi}. A violation fails the test that caused it, naming the
 * operation and what differs.
 * <p>
 * Switch it on for every {@code @QuarkusTest} of a module by listing {@link OpenApiValidationCallback} in the module's
 * {@code src/test/resources/META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}, or call
 * {@link #install()} yourself.
 */
public final class OpenApiValidation implements Filter {

    private static final OpenApiValidation INSTANCE = new OpenApiValidation();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One validator per served document (the base URI of the service under test). */
    private final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

    private OpenApiValidation() {
    }

    /** The validating filter, for one request: {@code given().filter(OpenApiValidation.filter())}. */
    public static Filter filter() {
        return INSTANCE;
    }

    /** Adds the validating filter to rest-assured's global filters, once. */
    public static synchronized void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        String path = URI.create(request.getURI()).getPath();
        if (!path.startsWith("/api/")) {
            return response; // Quarkus' own endpoints (/q/...) are not part of the document
        }
        OpenApiInteractionValidator validator = validators.computeIfAbsent(base(request), OpenApiValidation::load);
        Request interaction = withBearer(RestAssuredRequest.of(request), request);
        ValidationReport report = validator.validateResponse(path, interaction.getMethod(),
                RestAssuredResponse.of(response));
        if (response.statusCode() < 300) {
            report = report.merge(validator.validateRequest(interaction));
        }
        if (report.hasErrors()) {
            throw new AssertionError("OpenAPI violation: " + request.getMethod() + " " + path + " → "
                    + response.statusCode() + "\n" + SimpleValidationReportFormat.getInstance().apply(report)
                    + "\nresponse body: " + abbreviate(response.asString()));
        }
        return response;
    }

    /**
     * rest-assured adds the header of {@code auth().oauth2(token)} when it sends, after the filters ran, so the
     * request the filter sees has no {@code Authorization}; the validator gets it from the authentication scheme.
     * Likewise a multipart body is made only when the request is sent.
     */
    private static Request withBearer(Request interaction, FilterableRequestSpecification request) {
        boolean multipart = !request.getMultiPartParams().isEmpty();
        if (!multipart && (!(request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme)
                || interaction.getHeaderValue("Authorization").isPresent())) {
            return interaction;
        }
        SimpleRequest.Builder copy = new SimpleRequest.Builder(interaction.getMethod(), interaction.getPath());
        if (request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme oauth2
                && interaction.getHeaderValue("Authorization").isEmpty()) {
            copy.withAuthorization("Bearer " + oauth2.getAccessToken());
        }
        if (multipart) {
            // rest-assured encodes multipart parts when it sends: the validator (which checks no multipart schema)
            // is told the body is there, by the parts' names
            copy.withBody(String.join(",", request.getMultiPartParams().stream().map(p -> p.getControlName())
                    .toList()));
        }
        interaction.getHeaders().forEach((name, values) -> copy.withHeader(name, List.copyOf(values)));
        interaction.getQueryParameters().forEach(name ->
                copy.withQueryParam(name, List.copyOf(interaction.getQueryParameterValues(name))));
        if (!multipart) {
            interaction.getRequestBody().ifPresent(copy::withBody);
        }
        return copy.build();
    }

    private static String base(FilterableRequestSpecification request) {
        URI uri = URI.create(request.getURI());
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static OpenApiInteractionValidator load(String base) {
        try {
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi"))
                    .header("Accept", "application/yaml").build(), HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException(base + "/q/openapi answered " + document.statusCode());
            }
            // OpenAPI lets a request carry fields its schema does not name, and the services ignore them (a client
            // may send back what it read, ids and timestamps included); answers stay held to exactly their schema
            return OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.body.schema.additionalProperties",
                                    ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + base + "/q/openapi", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }
}
