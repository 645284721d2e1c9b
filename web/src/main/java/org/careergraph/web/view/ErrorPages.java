package org.careergraph.web.view;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import org.careergraph.web.api.BackendUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors as pages in the reader's language: an address no page answers, a request the server refused, a service
 * that does not answer, a fault of ours. (Status routes are not used: a 404 route would also replace the pages that
 * answer 404 on purpose, such as a wrong manage key.)
 */
@Controller
@Produces(MediaType.TEXT_HTML)
class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final Views views;

    ErrorPages(Views views) {
        this.views = views;
    }

    @Error(exception = HttpStatusException.class, global = true)
    HttpResponse<String> refused(HttpRequest<?> request, HttpStatusException e) {
        return views.error(request, e.getStatus(),
                e.getStatus() == HttpStatus.NOT_FOUND ? "error.notFound" : "error.badRequest");
    }

    /** A parameter of the wrong type ({@code ?page=abc}, a number too large for it), named on the page. */
    @Error(exception = ConversionErrorException.class, global = true)
    HttpResponse<String> unreadable(HttpRequest<?> request, ConversionErrorException e) {
        return views.refusedParameter(request, e.getArgument().getName());
    }

    /** A required parameter missing. */
    @Error(exception = UnsatisfiedRouteException.class, global = true)
    HttpResponse<String> incomplete(HttpRequest<?> request, UnsatisfiedRouteException e) {
        return views.refusedParameter(request, e.getArgument().getName());
    }

    /** A form larger than the server takes (1 MB). */
    @Error(exception = ContentLengthExceededException.class, global = true)
    HttpResponse<String> tooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
        return views.error(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "error.tooLarge");
    }

    @Error(exception = BackendUnavailableException.class, global = true)
    HttpResponse<String> unavailable(HttpRequest<?> request, BackendUnavailableException e) {
        LOG.warn("{} for {}", e.getMessage(), request.getPath());
        return views.error(request, HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
    }

    @Error(exception = Exception.class, global = true)
    HttpResponse<String> fault(HttpRequest<?> request, Exception e) {
        if (MalformedAddress.is(e)) {
            return views.error(request, HttpStatus.BAD_REQUEST, "error.badRequest");
        }
        LOG.error("Failed to serve {}", request.getPath(), e);
        return views.error(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.fault");
    }
}
