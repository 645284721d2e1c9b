package org.careergraph.notification;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * Where subscribers reach this service ({@code careergraph.notification.public-url}): the links in mails and the
 * feeds' self links start with it.
 */
@ConfigurationProperties("careergraph.notification")
public record PublicUrl(@NotBlank String publicUrl) {

    /** The URL without a trailing slash, to append paths to. */
    public String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
