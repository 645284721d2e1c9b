package org.careergraph.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An RFC 9457 problem detail, with the fields at fault when the request was invalid. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                      List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** One invalid field: its path in the request ("salaryBands[0].min", "occupationIds") and what is wrong. */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
