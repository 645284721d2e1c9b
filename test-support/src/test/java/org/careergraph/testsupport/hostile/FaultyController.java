package org.careergraph.testsupport.hostile;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A deliberately faulty service for {@link HostileInputSelfTestIT}: it stores before refusing, fails with 500 on a
 * large count, and answers a 404 as plain text naming a Java class. The walker must report each.
 */
@Controller("/api/faulty")
@Requires(property = "hostile-self-test.jdbc-url")
class FaultyController {

    @Serdeable
    record Item(String name, int count) {
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;

    FaultyController(@Value("${hostile-self-test.jdbc-url}") String jdbcUrl,
                     @Value("${hostile-self-test.user}") String user,
                     @Value("${hostile-self-test.password:}") String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    @Post("/items")
    HttpResponse<?> create(@Body Item item) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement insert = c.prepareStatement("INSERT INTO faulty_item (name, count) VALUES (?, ?)")) {
            insert.setString(1, item.name() == null ? "" : item.name().replace('\u0000', ' '));
            insert.setInt(2, item.count());
            insert.executeUpdate();
        }
        if (item.count() > 1000) {
            throw new IllegalStateException("count too large");
        }
        if (item.name() != null && item.name().indexOf('\u0000') >= 0) {
            // Fault: the row above is already stored.
            return HttpResponse.badRequest("{\"title\":\"name holds NUL\"}").contentType("application/problem+json");
        }
        return HttpResponse.created(item);
    }

    @Get("/items/{id}")
    HttpResponse<?> read(@PathVariable String id) {
        return HttpResponse.notFound("No item; java.lang.String id was " + id.length() + " long")
                .contentType(MediaType.TEXT_PLAIN);
    }
}
