package org.careergraph.immigration.rules;

import io.micronaut.serde.annotation.Serdeable;

/** The same text for English and Traditional Chinese readers. */
@Serdeable
public record Explanation(String en, String zh) {

    /** Builds an explanation sentence by sentence, in both languages at once. */
    public static final class Builder {
        private final StringBuilder en = new StringBuilder();
        private final StringBuilder zh = new StringBuilder();

        public Builder add(String english, String chinese) {
            if (!en.isEmpty()) {
                en.append(' ');
            }
            en.append(english);
            zh.append(chinese);
            return this;
        }

        public Explanation build() {
            return new Explanation(en.toString(), zh.toString());
        }
    }
}
