package org.careergraph.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormTest {

    @Test
    void decodesPlusPercentAndUtf8() {
        Form form = Form.parse("q=software+engineer&url=https%3A%2F%2Fexample.com%2Fhook%3Fa%3D1"
                + "&title=%E8%BB%9F%E9%AB%94%E5%B7%A5%E7%A8%8B%E5%B8%AB&changes%5B0%5D.kind=SMC_POINTS");

        assertEquals("software engineer", form.get("q"));
        assertEquals("https://example.com/hook?a=1", form.get("url"));
        assertEquals("軟體工程師", form.get("title"));
        assertEquals("SMC_POINTS", form.get("changes[0].kind"));
    }

    @Test
    void aRepeatedFieldKeepsEveryValueInOrder() {
        Form form = Form.parse("kinds=SCORE&kinds=&kinds=+SALARY+&other=x&kinds=POLICY");

        assertEquals(List.of("SCORE", "SALARY", "POLICY"), form.all("kinds"));
        assertEquals("SCORE", form.get("kinds"));
        assertEquals(List.of(), form.all("absent"));
        assertEquals("x", form.get("other"));
    }

    @Test
    void getStripsAndTurnsBlankIntoNull() {
        Form form = Form.parse("name=+Ana+&blank=+++&empty=");

        assertEquals("Ana", form.get("name"));
        assertNull(form.get("blank"));
        assertNull(form.get("empty"));
        assertNull(form.get("absent"));
    }

    @Test
    void aFieldWithoutEqualsIsAnEmptyValue() {
        Form form = Form.parse("enabled&a=1&&b==2");

        assertEquals("1", form.get("a"));
        assertNull(form.get("enabled"));
        assertEquals("=2", form.get("b"));
    }

    @Test
    void anEmptyOrMissingBodyHasNoFields() {
        assertNull(Form.parse(null).get("x"));
        assertEquals(List.of(), Form.parse(null).all("x"));
    }

    @Test
    void aBodyThatIsNotUrlEncodedIsABadRequest() {
        for (String body : new String[] {"q=100%", "q=%zz", "a=%2&b=1"}) {
            HttpStatusException e = assertThrows(HttpStatusException.class, () -> Form.parse(body), body);
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), body);
        }
    }
}
