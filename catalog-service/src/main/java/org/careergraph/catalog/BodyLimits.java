package org.careergraph.catalog;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import java.util.List;
import org.careergraph.platform.web.ProblemException;

/**
 * Bodies are held to 1 MB, as in every service, except the two that carry whole data sets: a release upload and an
 * NDJSON catalog import, up to the server's 64 MB. Checked on the declared length, before a byte is read.
 */
@ServerFilter("/api/**")
class BodyLimits implements Ordered {

    static final long DEFAULT_LIMIT = 1024 * 1024;

    @RequestFilter
    void limit(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length > DEFAULT_LIMIT && !isDataSet(request)) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The body is " + length
                    + " bytes; this endpoint takes at most " + DEFAULT_LIMIT + ".", List.of());
        }
    }

    private static boolean isDataSet(HttpRequest<?> request) {
        String path = request.getPath();
        MediaType type = request.getContentType().orElse(null);
        return request.getMethod() == HttpMethod.POST && (path.equals("/api/releases")
                || path.equals("/api/occupations/import") && type != null
                && type.getName().equals("application/x-ndjson"));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
