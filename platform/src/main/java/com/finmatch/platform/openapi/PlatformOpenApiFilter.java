package com.finmatch.platform.openapi;

import com.finmatch.platform.http.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.jboss.jandex.IndexView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What every finmatch service's OpenAPI document says the same way (issue 10 §1, issue 12 §6), added at build time to
 * the document SmallRye generates from the resources:
 * <ul>
 * <li>the {@code Problem} schema (RFC 9457, {@link Problem}) and the problem+json answers 400, 401, 403, 404, 429 and
 * 500 on every operation — an answer the operation declares itself with a body is kept;</li>
 * <li>the rate-limit headers (IETF draft {@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset}) on every answer,
 * and {@code Retry-After} on 429;</li>
 * <li>{@code Access-Control-Allow-Origin} on every answer (sent only to an allowed origin's cross-origin request);</li>
 * <li>the {@code servers}: the production ingress (a local stack is the same API at {@code http://127.0.0.1:808x});</li>
 * <li>the bearer-token security scheme; which operations need it, Quarkus adds from {@code @RolesAllowed}
 * ({@code quarkus.smallrye-openapi.security-scheme-name=bearer} in each service); operations under
 * {@code /admin/} name the scheme {@code adminBearer} instead (the same kind of token, with the role admin);</li>
 * <li>which roles may call each secured operation, as {@value #ROLES_EXTENSION} (read by {@link OperationRoles} from
 * the annotations Quarkus enforces): OpenAPI 3.0 gives a bearer requirement no place for roles (its list must be
 * empty; 3.1 lets it name roles, and Quarkus writes them there only for 3.1), so Quarkus drops them from the 3.0
 * document. An operation whose {@code security} and annotations disagree fails the build.</li>
 * <li>length bounds on the schemas SmallRye generates for {@code UUID}, {@code Instant}, {@code LocalDate}.</li>
 * </ul>
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PlatformOpenApiFilter implements OASFilter {

    /**
     * The roles that may call a secured operation, on the operation: a list of realm roles, or {@code ["**"]} for any
     * signed-in caller (Quarkus' {@code @Authenticated}); absent on a public operation.
     */
    public static final String ROLES_EXTENSION = "x-roles-allowed";

    public static final String PRODUCTION_SERVER = "https://api.finmatch.example";
    public static final String SECURITY_SCHEME = "bearer";
    public static final String ADMIN_SECURITY_SCHEME = "adminBearer";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    /** Formats SmallRye gives java.util.UUID, java.time.Instant/OffsetDateTime and LocalDate, with their longest form. */
    private static final String UUID_PATTERN =
            "^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$";
    /** SmallRye's pattern for {@code @NotBlank} (a non-space somewhere), and the same anchored. */
    private static final String NOT_BLANK = "\\S";
    private static final String NOT_BLANK_ANCHORED = "^[\\s\\S]*\\S[\\s\\S]*$";
    private static final Map<String, Integer> FORMAT_LENGTHS = Map.of("uuid", 36, "date-time", 35, "date", 10);

    static final Map<String, String> STANDARD_PROBLEMS = standardProblems();
    /** Problem answers an operation names itself when it can give them: {@code @APIResponse(responseCode = "409", ref = "Problem409")}. */
    static final Map<String, String> OPTIONAL_PROBLEMS = new java.util.TreeMap<>(Map.of(
            "409", "Conflict: a duplicate, or a move the object's state does not allow",
            "412", "The If-Match version is stale: read the object again and retry",
            "422", "Well-formed but not acceptable in the current state",
            "428", "If-Match is required: send the ETag of the version you change",
            "503", "Not available yet: retry after `Retry-After` seconds"));
    static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
    static final String RETRY_AFTER = "Retry-After";

    private static final String PROBLEM = "Problem";
    private static final String VIOLATION = "Violation";

    private final OperationRoles roles;

    /** SmallRye passes the application's index to a filter with this constructor (at build time). */
    public PlatformOpenApiFilter(IndexView index) {
        this.roles = new OperationRoles(index);
    }

    private static Map<String, String> standardProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid input: `violations` names each offending field");
        problems.put("401", "No token, or an invalid or expired one");
        problems.put("403", "The caller's role may not do this");
        problems.put("404", "Not found, or not visible to the caller (the same answer)");
        problems.put("413", "The request's body is larger than the services accept (256 KiB)");
        problems.put("429", "Too many requests: wait `Retry-After` seconds");
        problems.put("500", "Server error (never expected; logged)");
        return problems;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(VIOLATION, violationSchema());
        components.addSchema(PROBLEM, problemSchema());
        rateLimitHeaders().forEach(components::addHeader);
        components.addHeader(RETRY_AFTER, integerHeader("Seconds to wait before the next request", true));
        components.addHeader(ALLOW_ORIGIN, OASFactory.createHeader().required(false)
                .description("CORS: sent only to a cross-origin request from an allowed origin (none by default: "
                        + "the portal calls the services from its server)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)));
        if (components.getSchemas() != null) {
            Map<String, Schema> schemas = components.getSchemas();
            schemas.values().forEach(schema -> tidy(schema, schemas));
        }
        if (components.getResponses() != null) {
            // answers a service declares once for several operations (its META-INF/openapi.yaml)
            components.getResponses().values().forEach(response -> addStandardHeaders(null, response));
        }
        STANDARD_PROBLEMS.forEach((code, description) -> components.addResponse(responseName(code),
                problemResponse(code, description)));
        OPTIONAL_PROBLEMS.forEach((code, description) -> components.addResponse(responseName(code),
                problemResponse(code, description)));
        // the headers of EntityTags' answers
        components.addHeader("ETag", OASFactory.createHeader().required(true)
                .description("The object's version as an entity tag, e.g. \"3\": send it in If-Match to change the "
                        + "object")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^\"[0-9]{1,19}\"$")
                        .maxLength(21)));
        components.addHeader("Location", OASFactory.createHeader().required(true)
                .description("Where the created object is read (a path under this server)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")
                        .maxLength(500)));
        components.addSecurityScheme(SECURITY_SCHEME, bearerScheme("An access token"));
        components.addSecurityScheme(ADMIN_SECURITY_SCHEME, bearerScheme("An administrator's access token (realm "
                + "role `admin`)"));
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url(PRODUCTION_SERVER)
                    .description("production: the API ingress (k8s/base/ingress.yaml); a local stack (./finmatch up) "
                            + "serves the same API at http://127.0.0.1:8081 (enterprise), 8082 (loan), 8083 (matching)")
                    .addExtension("x-internal", false));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                complete(operation);
                documentRoles(method.name(), path, operation);
                if (path.contains("/admin/")) {
                    requireAdminScheme(operation);
                }
            }));
        }
    }

    /**
     * Writes the roles of a secured operation into {@value #ROLES_EXTENSION}; fails when Quarkus' {@code security}
     * and the annotations disagree on whether the operation needs a token at all.
     */
    private void documentRoles(String method, String path, Operation operation) {
        java.util.Optional<List<String>> allowed = roles.of(method, path);
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured != allowed.isPresent()) {
            throw new IllegalStateException(method + " " + path + ": the document's security (" + secured
                    + ") and the resource method's annotations (" + allowed.orElse(null) + ") disagree");
        }
        allowed.ifPresent(list -> operation.addExtension(ROLES_EXTENSION, List.copyOf(list)));
    }

    /** Admin operations name their own scheme, so that an admin token is never mistaken for any token. */
    private static void requireAdminScheme(Operation operation) {
        if (operation.getSecurity() == null) {
            return;
        }
        operation.getSecurity().forEach(requirement -> {
            if (requirement.hasScheme(SECURITY_SCHEME)) {
                List<String> roles = requirement.getScheme(SECURITY_SCHEME);
                requirement.removeScheme(SECURITY_SCHEME);
                requirement.addScheme(ADMIN_SECURITY_SCHEME, roles);
            }
        });
    }

    /**
     * Wherever a schema sits (a component, a property, an array's items or a composition): a nullable reference to a
     * component (a date, an id, an enum, an object) becomes that component inline with {@code nullable}; every UUID
     * and date string gets its length, a UUID its anchored pattern, and the pattern of {@code @NotBlank} is anchored.
     */
    private static void tidy(Schema schema, Map<String, Schema> components) {
        if (schema == null) {
            return;
        }
        inlineNullableReference(schema, components);
        if (schema.getRef() != null) {
            return;
        }
        Integer length = schema.getFormat() == null ? null : FORMAT_LENGTHS.get(schema.getFormat());
        if (length != null && schema.getMaxLength() == null) {
            schema.setMaxLength(length);
        }
        if (NOT_BLANK.equals(schema.getPattern())) {
            schema.setPattern(NOT_BLANK_ANCHORED);
        }
        if ("uuid".equals(schema.getFormat())) {
            schema.setMinLength(36);
            schema.setPattern(UUID_PATTERN);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> tidy(property, components));
        }
        tidy(schema.getItems(), components);
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull)
                .flatMap(List::stream).forEach(part -> tidy(part, components));
    }

    private static void inlineNullableReference(Schema schema, Map<String, Schema> components) {
        // SmallRye models a nullable reference as anyOf [the reference, null] and writes it for OpenAPI 3.0 as
        // allOf [the reference] with nullable, which lets no null through
        List<Schema> anyOf = schema.getAnyOf();
        if (anyOf == null || anyOf.size() != 2 || anyOf.stream().noneMatch(PlatformOpenApiFilter::isNullOnly)) {
            return;
        }
        String ref = anyOf.stream().filter(s -> !isNullOnly(s)).findFirst().map(Schema::getRef).orElse(null);
        Schema target = ref == null ? null : components.get(ref.substring(ref.lastIndexOf('/') + 1));
        if (target == null || target.getType() == null) {
            return;
        }
        schema.setAnyOf(null);
        schema.setProperties(target.getProperties());
        schema.setRequired(target.getRequired());
        if (schema.getDescription() == null) {
            schema.setDescription(target.getDescription());
        }
        List<Schema.SchemaType> types = new java.util.ArrayList<>(target.getType());
        types.add(Schema.SchemaType.NULL);
        schema.setType(types);
        schema.setFormat(target.getFormat());
        schema.setPattern(target.getPattern());
        schema.setMinLength(target.getMinLength());
        schema.setMaxLength(schema.getMaxLength() == null ? target.getMaxLength() : schema.getMaxLength());
        if (target.getEnumeration() != null) {
            List<Object> values = new java.util.ArrayList<>(target.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
    }

    private static boolean isNullOnly(Schema schema) {
        return schema.getRef() == null && List.of(Schema.SchemaType.NULL).equals(schema.getType());
    }

    /** Adds the standard problem answers the operation lacks and the rate-limit headers to each of its answers. */
    static void complete(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        STANDARD_PROBLEMS.keySet().forEach(code -> {
            APIResponse declared = responses.getAPIResponse(code);
            if (declared == null || (declared.getRef() == null && declared.getContent() == null)) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse()
                        .ref("#/components/responses/" + responseName(code)));
            }
        });
        responses.setAPIResponses(new java.util.TreeMap<>(responses.getAPIResponses()));
        responses.getAPIResponses().forEach((code, response) -> {
            if (response.getRef() != null) {
                response.setDescription(null); // SmallRye's default "OK" beside a reference, which 3.0 ignores
                return;
            }
            addStandardHeaders(code, response);
            if (response.getContent() != null && response.getContent().getMediaType(Problem.MEDIA_TYPE) != null
                    && response.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema() == null) {
                response.getContent().getMediaType(Problem.MEDIA_TYPE).setSchema(ref(PROBLEM));
            }
        });
    }

    /** The rate-limit and CORS headers every answer carries, and {@code Retry-After} on a 429 or 503. */
    private static void addStandardHeaders(String code, APIResponse response) {
        RATE_LIMIT_HEADERS.forEach(name -> addHeaderRef(response, name));
        addHeaderRef(response, ALLOW_ORIGIN);
        if ("429".equals(code) || "503".equals(code)) {
            addHeaderRef(response, RETRY_AFTER);
        }
    }

    private static void addHeaderRef(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
        }
    }

    static String responseName(String code) {
        return "Problem" + code;
    }

    private static APIResponse problemResponse(String code, String description) {
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(problemContent());
        addStandardHeaders(code, response);
        if ("401".equals(code)) {
            response.addHeader("WWW-Authenticate", OASFactory.createHeader().description("`Bearer`")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)));
        }
        return response;
    }

    private static Content problemContent() {
        MediaType mediaType = OASFactory.createMediaType().schema(ref(PROBLEM));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType);
    }

    private static Schema ref(String schema) {
        return OASFactory.createSchema().ref("#/components/schemas/" + schema);
    }

    private static Schema string(int maxLength, String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength).description(description);
    }

    private static Schema violationSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid input")
                .addProperty("field", string(500, "JSON path of the field, e.g. `rules[2].operator`, or `body`"))
                .addProperty("message", string(2000, "What is wrong with it"))
                .required(List.of("field", "message"));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details: the body of every 4xx and 5xx answer. Some answers add "
                        + "extension members (e.g. `failedRules` of a 422).")
                .addProperty("type", string(500, "URI of the problem type").format("uri"))
                .addProperty("title", string(200, "Short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", string(4000, "What happened in this occurrence"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).maxItems(1000)
                        .description("Invalid fields (400 only)").items(ref(VIOLATION)))
                .required(List.of("type", "title", "status"));
    }

    private static Map<String, Header> rateLimitHeaders() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", integerHeader("Requests allowed in the current window (IETF draft "
                + "RateLimit header fields)", false));
        headers.put("RateLimit-Remaining", integerHeader("Requests left in the current window", false));
        headers.put("RateLimit-Reset", integerHeader("Seconds until the window resets", false));
        return headers;
    }

    private static Header integerHeader(String description, boolean required) {
        return OASFactory.createHeader().description(description).required(required)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(1_000_000_000L)));
    }

    private static SecurityScheme bearerScheme(String who) {
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description(who + " of the realm `finmatch` (Keycloak), audience `finmatch-api`, signed with RS256 "
                        + "and short-lived, following RFC8725 (JWT best current practices). Banks' systems get theirs "
                        + "with the client-credentials grant.");
    }
}
