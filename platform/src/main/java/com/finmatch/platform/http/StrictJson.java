package com.finmatch.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads request bodies strictly, in every service, so that a wrong or unstorable value is a 400 naming the field
 * (see {@link ProblemMappers}) instead of a silent guess or a database error: no {@code 1.5} for a whole number, no
 * numbers or booleans for text, no text for numbers, no null for a primitive; no control characters in text; numbers
 * and dates within {@link InputBounds}; no JSON nested deeper than {@link #MAX_NESTING} or numbers longer than
 * {@link #MAX_NUMBER_LENGTH} characters.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    public static final int MAX_NESTING = 64;
    public static final int MAX_NUMBER_LENGTH = 100;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER_LENGTH).build());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("finmatch-strict-input")
                .addDeserializer(String.class, new Text())
                .addDeserializer(BigDecimal.class, new Decimal())
                .addDeserializer(JsonNode.class, new Tree(mapper))
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                            JsonDeserializer<?> deserializer) {
                        // whichever module reads dates and times (jsr310), its result is bounded here
                        Class<?> type = bean.getBeanClass();
                        return TemporalAccessor.class.isAssignableFrom(type) && !(deserializer instanceof Dated)
                                ? new Dated(type, deserializer) : deserializer;
                    }
                }));
    }

    private static InvalidFormatException invalid(JsonParser p, String message, Object value, Class<?> type) {
        return InvalidFormatException.from(p, message, value, type);
    }

    /** Text as Jackson reads it, refusing control characters (PostgreSQL cannot store U+0000). */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            if (text != null && InputBounds.hasControlCharacter(text)) {
                throw invalid(p, InputBounds.CONTROL_CHARACTERS, text, String.class);
            }
            return text;
        }
    }

    /** A decimal within {@link InputBounds}. */
    static final class Decimal extends StdScalarDeserializer<BigDecimal> {

        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (value != null && !InputBounds.isStorable(value)) {
                throw invalid(p, InputBounds.NUMBER_RANGE, value, BigDecimal.class);
            }
            return value;
        }
    }

    /** Free-form JSON (a rule's value): its numbers, texts and nesting meet the same bounds as typed fields. */
    static final class Tree extends StdScalarDeserializer<JsonNode> {

        private final transient ObjectMapper plain;

        Tree(ObjectMapper mapper) {
            super(JsonNode.class);
            this.plain = new ObjectMapper(mapper.getFactory());
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return getNullValue(ctxt);
            }
            JsonNode tree = plain.readTree(p);
            String problem = check(tree);
            if (problem != null) {
                throw invalid(p, problem, null, JsonNode.class);
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }

        private static String check(JsonNode node) {
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())
                    || node.isNumber() && !InputBounds.isStorable(node.decimalValue())) {
                return InputBounds.NUMBER_RANGE;
            }
            if (node.isTextual() && InputBounds.hasControlCharacter(node.textValue())) {
                return InputBounds.CONTROL_CHARACTERS;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String problem = InputBounds.hasControlCharacter(field.getKey()) ? InputBounds.CONTROL_CHARACTERS
                        : check(field.getValue());
                if (problem != null) {
                    return problem;
                }
            }
            if (node.isArray()) {
                for (JsonNode element : node) {
                    String problem = check(element);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            return null;
        }
    }

    /** A date or time in the years {@link InputBounds#MIN_YEAR}–{@link InputBounds#MAX_YEAR}. */
    static final class Dated<T extends TemporalAccessor> extends StdScalarDeserializer<T>
            implements ContextualDeserializer {

        private final transient JsonDeserializer<?> standard;

        Dated(Class<T> type, JsonDeserializer<?> standard) {
            super(type);
            this.standard = standard;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws com.fasterxml.jackson.databind.JsonMappingException {
            return standard instanceof ContextualDeserializer contextual
                    ? new Dated<>((Class<T>) handledType(), contextual.createContextual(ctxt, property)) : this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = (T) standard.deserialize(p, ctxt);
            if (value != null && !InputBounds.isStorable(value)) {
                throw invalid(p, InputBounds.YEAR_RANGE, value.toString(), handledType());
            }
            return value;
        }
    }
}
