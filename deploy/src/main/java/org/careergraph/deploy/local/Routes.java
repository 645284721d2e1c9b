package org.careergraph.deploy.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which service answers which public path: the one routing table of the local gateway, the same paths the
 * Kubernetes HTTPRoute routes (kubernetes/base/httproute.yaml).
 */
final class Routes {

    static final String API = "/api";

    private static final Map<String, Service> API_PREFIXES = new LinkedHashMap<>();

    static {
        API_PREFIXES.put("/api/occupations", Service.CATALOG);
        API_PREFIXES.put("/api/releases", Service.CATALOG);
        // Each service's own admin resources that belong to no domain path, e.g. /api/catalog/dead-letters.
        API_PREFIXES.put("/api/catalog", Service.CATALOG);
        API_PREFIXES.put("/api/immigration", Service.IMMIGRATION);
        API_PREFIXES.put("/api/scores", Service.SCORING);
        API_PREFIXES.put("/api/rankings", Service.SCORING);
        API_PREFIXES.put("/api/scoring", Service.SCORING);
        API_PREFIXES.put("/api/subscriptions", Service.NOTIFICATION);
        API_PREFIXES.put("/api/feeds", Service.NOTIFICATION);
        API_PREFIXES.put("/api/notification", Service.NOTIFICATION);
    }

    private Routes() {
    }

    /**
     * The service for a (decoded, normalized) request path; empty for an API path no service serves. Everything
     * outside {@value #API} is the web front's pages.
     */
    static Optional<Service> serviceFor(String path) {
        if (!isUnder(path, API)) {
            return Optional.of(Service.WEB);
        }
        return API_PREFIXES.entrySet().stream()
                .filter(route -> isUnder(path, route.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** Whole path segments only: /api/scores/x is under /api/scores, /api/scoresheet is not. */
    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
