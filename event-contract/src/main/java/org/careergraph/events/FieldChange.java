package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One changed field: its JSON path in the page ("/salaryBands") and its values before and after (null = absent). */
@Serdeable
public record FieldChange(String path, @Nullable Object before, @Nullable Object after) {
}
