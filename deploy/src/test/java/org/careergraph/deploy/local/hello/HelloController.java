package org.careergraph.deploy.local.hello;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** The hello-world application's one endpoint. */
@Controller("/hello")
class HelloController {

    @Get(produces = "text/plain")
    String hello() {
        return "Hello, world";
    }
}
