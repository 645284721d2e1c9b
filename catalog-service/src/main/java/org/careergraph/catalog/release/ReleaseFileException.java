package org.careergraph.catalog.release;

import java.util.List;
import org.careergraph.platform.web.Problem.FieldError;

/** A release file that cannot be read as its publisher ships it; each error names the file, row and column. */
public class ReleaseFileException extends RuntimeException {

    private final List<FieldError> errors;

    public ReleaseFileException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid release file" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public static ReleaseFileException of(String where, String message) {
        return new ReleaseFileException(List.of(new FieldError(where, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
