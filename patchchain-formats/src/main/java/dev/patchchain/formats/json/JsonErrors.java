package dev.patchchain.formats.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.util.Collection;
import java.util.List;

/** Jackson's parse and binding errors as our {@link TextFormatException}: line, column and JSON pointer. */
final class JsonErrors {

    private JsonErrors() {
    }

    /**
     * @param e      what Jackson threw
     * @param source the input's name
     * @return the same failure, typed, with line, column and pointer
     */
    static TextFormatException parseError(JsonProcessingException e, String source) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
        String pointer = e instanceof JsonMappingException m ? pointer(m.getPath()) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field \"" + u.getPropertyName() + "\" (known: " + u.getKnownPropertyIds() + ")";
        } else if (e.getOriginalMessage().startsWith("Trailing token")) {
            message = "unexpected content after the document";
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "expected " + shape(m.getTargetType()) + " here";
        } else {
            message = e.getOriginalMessage();
        }
        FormatException.Kind kind = e instanceof StreamConstraintsException
                ? FormatException.Kind.UNSUPPORTED : FormatException.Kind.CORRUPT;
        return new TextFormatException(kind, source, line, column,
                (pointer.isEmpty() ? "" : "at " + pointer + ": ") + message);
    }

    /** Says what JSON a bound type needs, without naming our classes. */
    private static String shape(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return Collection.class.isAssignableFrom(type) ? "an array" : "an object";
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            out.append('/').append(r.getFieldName() != null
                    ? r.getFieldName().replace("~", "~0").replace("/", "~1")
                    : Integer.toString(r.getIndex()));
        }
        return out.toString();
    }
}
