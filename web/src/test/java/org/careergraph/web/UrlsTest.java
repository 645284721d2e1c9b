package org.careergraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.exceptions.HttpStatusException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void aQueryKeepsOnlyParametersWithAValue() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", "軟體 工程");
        parameters.put("blank", " ");
        parameters.put("none", null);
        parameters.put("page", 2);
        assertEquals("?q=%E8%BB%9F%E9%AB%94+%E5%B7%A5%E7%A8%8B&page=2", Urls.query(parameters));
        assertEquals("", Urls.query(Map.of("blank", "")));
    }

    @Test
    void aFormKeepsEveryFieldAndEncodesNamesToo() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("redirect_uri", "https://example.org/admin/sign-in?x=1&y=2");
        fields.put("a b", "");
        assertEquals("grant_type=authorization_code&redirect_uri=https%3A%2F%2Fexample.org%2Fadmin%2Fsign-in%3Fx%3D1"
                + "%26y%3D2&a+b=", Urls.form(fields));
    }

    @Test
    void aSegmentEncodesSpacesAsPercentAndRefusesDotSegments() {
        assertEquals("anzsco%20261313%2Fx", Urls.segment("anzsco 261313/x"));
        assertThrows(HttpStatusException.class, () -> Urls.segment(".."));
    }
}
