package org.careergraph.notification.occupation;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An occupation the catalog announced: enough to accept subscriptions to it and to name it in messages. */
@MappedEntity("occupation")
public record Occupation(
        @Id String id,
        String codeSystem,
        String code,
        String titleEn,
        String titleZh,
        int revision,
        Instant updatedAt) {
}
