package org.careergraph.notification.notice;

import io.micronaut.serde.annotation.Serdeable;

/** One message in English and in Traditional Chinese. */
@Serdeable
public record Message(String en, String zh) {
}
