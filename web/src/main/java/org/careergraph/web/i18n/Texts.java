package org.careergraph.web.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** The pages' own words in each language, from {@code i18n/messages_<lang>.properties}. */
public final class Texts {

    private static final Map<Language, Map<String, String>> BUNDLES = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BUNDLES.put(language, load("i18n/messages_" + language.code() + ".properties"));
        }
    }

    private Texts() {
    }

    /** The words of a language; a key it lacks shows as the key itself, so a gap is seen, not blank. */
    public static Map<String, String> of(Language language) {
        Map<String, String> bundle = BUNDLES.get(language);
        return new AbstractMap<>() {
            @Override
            public String get(Object key) {
                return bundle.getOrDefault(String.valueOf(key), String.valueOf(key));
            }

            @Override
            public boolean containsKey(Object key) {
                return true;
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return bundle.entrySet();
            }
        };
    }

    static Set<String> keys(Language language) {
        return BUNDLES.get(language).keySet();
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new java.util.HashMap<>();
            properties.forEach((key, value) -> texts.put(key.toString(), value.toString()));
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
