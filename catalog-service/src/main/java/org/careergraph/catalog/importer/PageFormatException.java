package org.careergraph.catalog.importer;

/** The text is not a career page the importer can accept: no code line, or a code it does not know. */
public class PageFormatException extends RuntimeException {

    public PageFormatException(String message) {
        super(message);
    }
}
