package org.careergraph.deploy.local;

/**
 * The four services and the web front: where their build output is, how they start, their default local port and
 * database (the web front has none: it reads the services' APIs).
 */
public enum Service {

    CATALOG("catalog", "catalog-service", "org.careergraph.catalog.CatalogApplication", 8081),
    IMMIGRATION("immigration", "immigration-service", "org.careergraph.immigration.ImmigrationApplication", 8082),
    SCORING("scoring", "scoring-service", "org.careergraph.scoring.ScoringApplication", 8083),
    NOTIFICATION("notification", "notification-service", "org.careergraph.notification.NotificationApplication", 8084),
    WEB("web", "web", "org.careergraph.web.WebApplication", 8085);

    private final String shortName;
    private final String module;
    private final String mainClass;
    private final int defaultPort;

    Service(String shortName, String module, String mainClass, int defaultPort) {
        this.shortName = shortName;
        this.module = module;
        this.mainClass = mainClass;
        this.defaultPort = defaultPort;
    }

    /** Log prefix, database name and the middle of its port variable (CAREERGRAPH_CATALOG_PORT). */
    public String shortName() {
        return shortName;
    }

    public String module() {
        return module;
    }

    public String mainClass() {
        return mainClass;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Whether it owns a database (and so a schema on the local MariaDB). */
    public boolean hasDatabase() {
        return this != WEB;
    }

    public String database() {
        return shortName;
    }

    public String portVariable() {
        return "CAREERGRAPH_" + name() + "_PORT";
    }
}
