package org.careergraph.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Files shipped inside the service (the seed pages, the bundled releases), read from the classpath. */
public final class ShippedFiles {

    private ShippedFiles() {
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = ShippedFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }
}
