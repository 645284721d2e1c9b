package org.careergraph.immigration.status;

import io.micronaut.serde.annotation.Serdeable;

/** The same sentence for English and Traditional Chinese readers. */
@Serdeable
public record Explanation(String en, String zh) {
}
