package org.careergraph.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.exceptions.HttpStatusException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputTest {

    @Test
    void percentEscapesAreReadAsUtf8Strictly() {
        assertEquals(Optional.of("a b+c"), Input.decode("a+b%2Bc", true));
        assertEquals(Optional.of("a+b"), Input.decode("a+b", false), "a path's plus is a plus");
        assertEquals(Optional.of("護理師"), Input.decode("%E8%AD%B7%E7%90%86%E5%B8%AB", true));
        assertEquals(Optional.of("護理"), Input.decode("護%E7%90%86", true), "raw text beyond ASCII as its UTF-8");
        assertEquals(Optional.of("😀"), Input.decode("%F0%9F%98%80", true));
        for (String broken : List.of("%ED%A0%80", "%FF", "%C3", "%E8%AD", "%", "%4", "%zz", "\ud800")) {
            assertEquals(Optional.empty(), Input.decode(broken, true), broken);
        }
    }

    @Test
    void oneLineHoldsNoControlCharacterAndNoLoneSurrogate() {
        assertTrue(Input.isOneLine("ana@example.com 護理師 😀"));
        for (String unfit : List.of("a\u0000", "a\tb", "a\nb", "a\rb", "\u007f", "\u0085", "\u009f", "\ud800",
                "a\udc00b", "\ud800\ud800")) {
            assertFalse(Input.isOneLine(unfit), unfit);
        }
        assertTrue(Input.isText("{\n\t\"a\": 1\r\n}"), "text may span lines");
        assertFalse(Input.isText("{\"a\": \"\u0000\"}"));
        assertFalse(Input.isText("\ud800"));
    }

    @Test
    void aFormKeepsUnreadableFieldsAsideForTheControllerToRefuse() {
        Form form = Form.parse("id=1&token=%ED%A0%80&email=a%00b&note=two%0Alines&kinds=SCORE&kinds=%01");

        assertEquals(List.of("token", "email", "note", "kinds"),
                form.notOneLine(List.of("id", "token", "email", "note", "kinds")));
        assertEquals(List.of("token", "email", "kinds"), form.notText(List.of("id", "token", "email", "note", "kinds")));
        Form kept = form.without(List.of("token", "email"));
        assertEquals(List.of(), kept.notOneLine(List.of("id", "token", "email")));
        assertEquals("1", kept.get("id"));
        assertEquals(null, kept.get("email"));
        assertThrows(HttpStatusException.class, () -> Form.parse("id=%"), "not URL-encoded at all");
        assertThrows(HttpStatusException.class, () -> Form.parse("%00=1"), "a field name of no one line");
    }
}
