package org.careergraph.web;

import io.micronaut.runtime.Micronaut;

/**
 * The web pages of Career Graph: the catalog, career pages, watching an occupation and the admin console, rendered on
 * the server from the four services' public APIs (it owns no data of its own).
 */
public class WebApplication {

    public static void main(String[] args) {
        Micronaut.run(WebApplication.class, args);
    }
}
