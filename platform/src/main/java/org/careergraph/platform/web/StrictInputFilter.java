package org.careergraph.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.inject.MethodExecutionHandle;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Every request is read strictly before a route sees it, in every service the same way:
 * <ul>
 * <li>a {@code charset} the server knows (UTF-8 for JSON), so no binder fails on it later;</li>
 * <li>query and path values by {@link TextRules}; a true/false parameter only {@code true} or {@code false}; a date
 * or time parameter an ISO 8601 value within the years a database stores;</li>
 * <li>a JSON body by {@link StrictJson} against the type the route binds it to.</li>
 * </ul>
 * Each refusal is a problem naming the parameter or field; nothing reaches the route.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class StrictInputFilter implements Ordered {

    private final ProblemExceptionHandler problems;

    StrictInputFilter(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    /** Answers with the problem, or goes on to the route; the body is read first only when it is JSON. */
    @RequestFilter
    Publisher<MutableHttpResponse<?>> check(HttpRequest<?> request,
                                            FilterContinuation<Publisher<MutableHttpResponse<?>>> route) {
        Optional<Argument<?>> bodyType;
        Optional<String> contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE, String.class);
        try {
            contentType.ifPresent(StrictInputFilter::checkCharset);
            Optional<RouteMatch<?>> match = RouteAttributes.getRouteMatch(request);
            checkParameters(request, match.orElse(null));
            bodyType = match.flatMap(StrictInputFilter::bodyType);
        } catch (ProblemException e) {
            return Mono.just(problem(request, e));
        }
        // A body without a Content-Type is bound as JSON too, so it is read as JSON here.
        if (bodyType.isEmpty() || !contentType.map(StrictInputFilter::isJson).orElse(true)
                || !(request instanceof ServerHttpRequest<?> server)) {
            return route.proceed();
        }
        Argument<?> type = bodyType.get();
        // FASTEST: this copy is read to the end now, while the route's copy waits; with the default (the pace of the
        // slowest reader) a body larger than what has arrived would wait for the route, which waits for this filter.
        // The copy is closed as soon as it is read, whatever happens to the request afterwards.
        CompletableFuture<byte[]> bytes = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer()
                .thenApply(body -> {
                    try (body) {
                        return body.toByteArray();
                    }
                });
        return Mono.fromFuture(bytes).flatMap(json -> {
            List<Problem.FieldError> errors = json.length == 0 ? List.of() : StrictJson.check(json, type);
            return errors.isEmpty() ? Mono.from(route.proceed()) : Mono.just(problem(request,
                    new ProblemException(HttpStatus.BAD_REQUEST, "The request body is not JSON of the expected shape.",
                            errors)));
        });
    }

    /** The type a route binds its whole body to, when it is read as JSON (not as text or a stream). */
    private static Optional<Argument<?>> bodyType(RouteMatch<?> match) {
        if (!(match instanceof MethodExecutionHandle<?, ?> method)) {
            return Optional.empty();
        }
        return Arrays.stream(method.getArguments())
                .filter(a -> a.getAnnotationMetadata().hasAnnotation(Body.class)
                        && a.getAnnotationMetadata().stringValue(Body.class).isEmpty()
                        && a.getType() != String.class && !a.getType().getName().startsWith("java.io"))
                .<Argument<?>>map(a -> a)
                .findFirst();
    }

    private MutableHttpResponse<?> problem(HttpRequest<?> request, ProblemException problem) {
        return (MutableHttpResponse<?>) problems.handle(request, problem);
    }

    private static void checkCharset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String name = pair[1].strip().replace("\"", "");
                boolean known;
                try {
                    known = Charset.isSupported(name);
                } catch (IllegalCharsetNameException e) {
                    known = false;
                }
                if (!known || isJson(contentType) && !Charset.forName(name).equals(StandardCharsets.UTF_8)) {
                    throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The charset \"" + name
                            + "\" is not supported here; send UTF-8.",
                            List.of(new Problem.FieldError("Content-Type", "charset must be UTF-8")));
                }
            }
        }
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** Every query value by the text rules, and the typed ones by their type, before the binder reads them. */
    private static void checkParameters(HttpRequest<?> request, @Nullable RouteMatch<?> route) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            for (String value : parameter.getValue()) {
                TextRules.urlValueProblem(value).ifPresent(p -> errors.add(new Problem.FieldError(parameter.getKey(), p)));
            }
        }
        if (route != null) {
            route.getVariableValues().forEach((name, value) -> TextRules.urlValueProblem(String.valueOf(value))
                    .ifPresent(p -> errors.add(new Problem.FieldError(name, p))));
            if (route instanceof MethodExecutionHandle<?, ?> method) {
                for (Argument<?> argument : method.getArguments()) {
                    if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
                        continue;
                    }
                    String name = argument.getAnnotationMetadata().stringValue(QueryValue.class)
                            .or(() -> argument.getAnnotationMetadata().stringValue(PathVariable.class))
                            .filter(s -> !s.isEmpty()).orElse(argument.getName());
                    String value = request.getParameters().get(name);
                    if (value == null && route.getVariableValues().get(name) != null) {
                        value = String.valueOf(route.getVariableValues().get(name));
                    }
                    if (value != null) {
                        typed(argument.getType(), value).ifPresent(p -> errors.add(new Problem.FieldError(name, p)));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The request has invalid parameters.", errors);
        }
    }

    /** The binder reads "abc" as false and accepts a time a database cannot store: here they are refused. */
    private static Optional<String> typed(Class<?> type, String value) {
        if (type == Boolean.class || type == boolean.class) {
            return value.equals("true") || value.equals("false") ? Optional.empty()
                    : Optional.of("must be true or false");
        }
        return StrictJson.temporalProblem(type, value, ProblemResponseProcessor.expected(type));
    }

    /** After authentication and the body limits: a stranger's or an oversized body is never read. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
