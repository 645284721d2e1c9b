package org.careergraph.catalog;

import io.micronaut.http.HttpHeaders;
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
 * NDJSON catalog import, up to the server's 64 MB; a page text is held to its own, smaller limit
 * ({@link ImportSettings#pageTextBytes()}). Checked on the declared length, before a byte is read; a body of no
 * declared length (chunked) is taken only where a data set may come, since its size is known only once read.
 */
@ServerFilter("/api/**")
class BodyLimits implements Ordered {

    static final long DEFAULT_LIMIT = 1024 * 1024;

    private final ImportSettings imports;

    BodyLimits(ImportSettings imports) {
        this.imports = imports;
    }

    @RequestFilter
    void limit(HttpRequest<?> request) {
        if (isDataSet(request)) {
            return;
        }
        long length = request.getContentLength();
        if (isPageText(request) && length > imports.pageTextBytes()) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The page text is " + length
                    + " bytes; a page import takes at most " + imports.pageTextBytes() + " bytes.", List.of());
        }
        if (length > DEFAULT_LIMIT) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The body is " + length
                    + " bytes; this endpoint takes at most " + DEFAULT_LIMIT + ".", List.of());
        }
        if (length < 0 && request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)) {
            throw new ProblemException(HttpStatus.LENGTH_REQUIRED, "Send the body with a Content-Length (at most "
                    + DEFAULT_LIMIT + " bytes).", List.of());
        }
    }

    private static boolean isPageText(HttpRequest<?> request) {
        MediaType type = request.getContentType().orElse(null);
        return request.getMethod() == HttpMethod.POST && request.getPath().equals("/api/occupations/import")
                && type != null && type.getName().equals(MediaType.TEXT_PLAIN);
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
