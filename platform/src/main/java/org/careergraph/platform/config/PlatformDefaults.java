package org.careergraph.platform.config;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Adds the settings every service shares (careergraph-platform.yml) to each application context, below the
 * service's own application.yml (-300), environment variables (-200) and system properties (-100), so that any of
 * those overrides them.
 */
@ContextConfigurer
public class PlatformDefaults implements ApplicationContextConfigurer {

    static final String RESOURCE = "careergraph-platform.yml";
    static final int POSITION = -400;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of(RESOURCE, load(), POSITION));
    }

    private static Map<String, Object> load() {
        try (InputStream in = PlatformDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new YamlPropertySourceLoader().read(RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
