package org.schooltrust.smp.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one place request bodies are made strict (docs/architecture.md, ADR 0002): the server refuses what the contract
 * forbids instead of coercing it. A repeated key, a number or boolean where a string belongs, {@code 1.5} for an
 * integer, a string for a number, a date-time or a five-digit year for a date, a lone surrogate, or a control
 * character other than tab and newline each answer 400 problem+json naming the field; nothing is written.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Last, so these deserializers win over the defaults Quarkus registers (the last module registered wins). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Enum}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        SimpleModule module = new SimpleModule("smp-strict-input");
        module.addDeserializer(String.class, new TextDeserializer());
        module.addDeserializer(LocalDate.class, new DateDeserializer());
        mapper.registerModule(module);
    }

    /** Whether the text is well-formed UTF-16 with no control character but tab and newline. */
    public static boolean isAcceptableText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f)) {
                return false;
            }
        }
        return true;
    }

    static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            if (!isAcceptableText(text)) {
                throw new UnacceptableText(p, "contains a control character or a lone surrogate");
            }
            return text;
        }
    }

    /** A string the service will not store; mapped to the {@code unacceptable-value} problem (ErrorTable). */
    public static final class UnacceptableText extends com.fasterxml.jackson.databind.JsonMappingException {
        UnacceptableText(JsonParser p, String message) {
            super(p, message);
        }
    }

    static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {

        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            if (DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (DateTimeParseException e) {
                    // falls through to the refusal below
                }
            }
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "is not a date (YYYY-MM-DD)");
        }
    }
}
