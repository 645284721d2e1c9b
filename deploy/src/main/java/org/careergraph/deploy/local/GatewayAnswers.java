package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Duration;

/** What the gateway answers itself: always JSON, a problem ({@code application/problem+json}) for every error. */
final class GatewayAnswers {

    static final String PROBLEM_JSON = "application/problem+json";

    private GatewayAnswers() {
    }

    /** An RFC 9457 problem; {@code instance} is the request's path, or null when the request had none readable. */
    static FullHttpResponse problem(int status, String title, String detail, String instance) {
        return json(HttpResponseStatus.valueOf(status, title), PROBLEM_JSON, "{\"type\":\"about:blank\",\"title\":"
                + jsonString(title) + ",\"status\":" + status + ",\"detail\":" + jsonString(detail)
                + (instance == null ? "" : ",\"instance\":" + jsonString(instance)) + "}");
    }

    /** 503 for a service that is down for now, with when to try again if it is coming back. */
    static FullHttpResponse unavailable(Service service, Outage outage, String instance) {
        FullHttpResponse answer = problem(503, "Service Unavailable", "The " + service.shortName() + " service "
                + outage.detail() + ".", instance);
        outage.retryAfter().ifPresent(after -> answer.headers().set(HttpHeaderNames.RETRY_AFTER,
                String.valueOf(retryAfterSeconds(after))));
        return answer;
    }

    static long retryAfterSeconds(Duration after) {
        return Math.max(1, (after.toMillis() + 999) / 1000);
    }

    static FullHttpResponse json(HttpResponseStatus status, String contentType, String body) {
        byte[] bytes = body.getBytes(UTF_8);
        FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(bytes));
        answer.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        answer.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        answer.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return answer;
    }

    static String jsonString(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> s.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return s.append('"').toString();
    }
}
