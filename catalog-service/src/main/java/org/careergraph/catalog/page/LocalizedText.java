package org.careergraph.catalog.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** A text in Traditional Chinese, English, or both; a page may have only one of them. */
@Serdeable
public record LocalizedText(@Nullable @Size(max = 4000) String zh, @Nullable @Size(max = 4000) String en) {

    public static LocalizedText zh(String text) {
        return new LocalizedText(text, null);
    }

    public static LocalizedText en(String text) {
        return new LocalizedText(null, text);
    }

    /** The text in the reader's language, else in the other one. */
    public String in(String language) {
        String preferred = "zh".equals(language) ? zh : en;
        return preferred != null ? preferred : ("zh".equals(language) ? en : zh);
    }

    /** Either language, whichever the text is written in (Han characters make it Chinese). */
    public static LocalizedText of(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? zh(text) : en(text);
    }
}
