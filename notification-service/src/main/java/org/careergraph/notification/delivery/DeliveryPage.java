package org.careergraph.notification.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A page of a subscription's deliveries, newest first; always with its items, also when there are none yet. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryPage(List<Delivery> items, long total, int page, int size) {
}
