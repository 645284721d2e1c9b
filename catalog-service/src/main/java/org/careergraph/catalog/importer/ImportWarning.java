package org.careergraph.catalog.importer;

/**
 * Something the importer guessed or could not place; {@code section} is the page field it concerns, e.g.
 * {@code aiImpact.tasksTakenOver} or {@code salaryBands}.
 */
@io.micronaut.serde.annotation.Serdeable
public record ImportWarning(String section, String message) {
}
