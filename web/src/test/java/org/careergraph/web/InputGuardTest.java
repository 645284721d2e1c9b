package org.careergraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputGuardTest {

    @Test
    void aBodyIsAFormInUtf8() {
        for (String fine : List.of("application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
                "Application/X-WWW-Form-Urlencoded;charset=\"utf-8\"")) {
            assertTrue(InputGuard.isForm(fine), fine);
        }
        for (String refused : List.of("application/json", "text/plain; charset=utf-8", "multipart/form-data",
                "application/x-www-form-urlencoded; charset=foo", "application/x-www-form-urlencoded; charset=",
                "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; charset",
                "application/x-www-form-urlencoded; charset=utf-8; charset=latin1")) {
            assertFalse(InputGuard.isForm(refused), refused);
        }
    }

    @Test
    void theFirstParameterThatIsNoOneLineOfUtf8IsNamed() {
        assertEquals(Optional.empty(), InputGuard.unfitParameter(null));
        assertEquals(Optional.empty(), InputGuard.unfitParameter("q=%E8%AD%B7&page=2&flag"));
        assertEquals(Optional.of("q"), InputGuard.unfitParameter("page=1&q=%ED%A0%80"));
        assertEquals(Optional.of("minWage"), InputGuard.unfitParameter("minWage=%00"));
        assertEquals(Optional.of("?"), InputGuard.unfitParameter("%0A=1"));
    }
}
