package com.finmatch.portal.client;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.finmatch.portal.client.loan.model.ComparisonRule;
import com.finmatch.portal.client.loan.model.ListRule;
import com.finmatch.portal.client.loan.model.RangeRule;
import com.finmatch.portal.client.loan.model.Rule;
import io.quarkus.arc.Arc;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON side of the generated clients (docs/openapi → target/generated-sources/openapi): the one ObjectMapper the
 * REST clients, the pages and the tests share.
 * <ul>
 * <li>Money and rates stay exact decimals as written (never doubles like 1.0E7, never 1E+1 for 10), also where a
 * document allows any value (a rule's {@code value}, a lead's consented {@code enterprise}).</li>
 * <li>loan-service's {@code Rule} is a {@code oneOf} of three shapes told apart by the operator (docs/openapi/README.md);
 * OpenAPI Generator's microprofile library makes it an interface with no way to pick the shape, so a rule is read as
 * the generated class its operator names: IN, NOT_IN → {@link ListRule}, BETWEEN → {@link RangeRule}, every other
 * operator → {@link ComparisonRule} (whose operator enum refuses what the document does not list).</li>
 * </ul>
 */
@Singleton
public class ClientJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // a rule is read through a JSON tree (below): keep its decimals as written (10 stays 10, never 1E+1)
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        mapper.addMixIn(Rule.class, RuleByOperator.class);
        for (Class<?> shape : List.of(ComparisonRule.class, ListRule.class, RangeRule.class)) {
            mapper.addMixIn(shape, OneShape.class); // each shape reads its own fields, not by operator again
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    @JsonDeserialize(using = RuleDeserializer.class)
    interface RuleByOperator {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    @JsonDeserialize(using = JsonDeserializer.None.class)
    interface OneShape {
    }

    static final class RuleDeserializer extends JsonDeserializer<Rule> {
        @Override
        public Rule deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode rule = parser.readValueAsTree();
            String operator = rule.path("operator").asText("");
            Class<? extends Rule> shape = switch (operator) {
                case "IN", "NOT_IN" -> ListRule.class;
                case "BETWEEN" -> RangeRule.class;
                default -> ComparisonRule.class;
            };
            return parser.getCodec().treeToValue(rule, shape);
        }
    }

    /** The portal's ObjectMapper (Quarkus', customized above). */
    public static ObjectMapper mapper() {
        return Arc.container().instance(ObjectMapper.class).get();
    }

    /** A typed model as the JSON object it is, without its absent (null) fields. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object model) {
        Map<String, Object> json = mapper().convertValue(model, Map.class);
        json.values().removeIf(java.util.Objects::isNull);
        return json;
    }

    /**
     * A form's fields as the typed request of a generated client. A value the type cannot hold (text typed into a
     * number field, an unknown code) is refused the way a service refuses it: a 400 problem naming the field, which
     * the form shows next to the field (client/Problem).
     */
    public static <T> T request(Map<String, Object> fields, Class<T> type) {
        try {
            return mapper().convertValue(fields, type);
        } catch (IllegalArgumentException e) {
            String field = e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName() : "form";
            throw new WebApplicationException(Response.status(400).entity(Map.of("status", 400,
                    "detail", "invalid " + field, "violations", List.of(Map.of("field", String.valueOf(field),
                            "message", "invalid")))).build());
        }
    }
}
