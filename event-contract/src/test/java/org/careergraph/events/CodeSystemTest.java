package org.careergraph.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodeSystemTest {

    @Test
    void occupationIdsAreTheLowerCaseSystemAndTheCode() {
        assertEquals("anzsco-411215", CodeSystem.ANZSCO.occupationId("411215"));
        assertEquals("soc-21-1022", CodeSystem.SOC.occupationId("21-1022"));
    }

    @Test
    void codesMustHaveTheShapeOfTheirSystem() {
        assertTrue(CodeSystem.ANZSCO.isValidCode("411215"));
        assertFalse(CodeSystem.ANZSCO.isValidCode("41121"));
        assertFalse(CodeSystem.ANZSCO.isValidCode("21-1022"));
        assertTrue(CodeSystem.SOC.isValidCode("21-1022"));
        assertFalse(CodeSystem.SOC.isValidCode(null));
        assertTrue(CodeSystem.SOC.isValidCode("15-2051.01"));
        assertFalse(CodeSystem.SOC.isValidCode("15-2051.00"));
        assertFalse(CodeSystem.SOC.isValidCode("15-2051.1"));
    }

    @Test
    void namesParseWhateverTheirCase() {
        assertEquals(Optional.of(CodeSystem.SOC), CodeSystem.parse(" soc "));
        assertEquals(Optional.empty(), CodeSystem.parse("DOT"));
        assertEquals(Optional.empty(), CodeSystem.parse(null));
    }
}
