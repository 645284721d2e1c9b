package org.careergraph.web.api;

import java.net.URI;
import org.careergraph.web.WebSettings;

/** The services whose public APIs the pages are made from. */
public enum Backend {
    CATALOG, IMMIGRATION, SCORING, NOTIFICATION;

    URI baseUrl(WebSettings settings) {
        return switch (this) {
            case CATALOG -> settings.catalogUrl();
            case IMMIGRATION -> settings.immigrationUrl();
            case SCORING -> settings.scoringUrl();
            case NOTIFICATION -> settings.notificationUrl();
        };
    }

    String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
