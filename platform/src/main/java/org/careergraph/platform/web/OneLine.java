package org.careergraph.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that is one line: a title, a code, a name, an address. The strict reading of request bodies
 * ({@link StrictJson}) refuses a line break in it, and in every text nested inside it (the {@code en} and {@code zh}
 * of a localized title). Text without it may hold line breaks, never other control characters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE, ElementType.TYPE_USE})
public @interface OneLine {
}
