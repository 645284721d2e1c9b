package org.careergraph.web.view;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.StandardCacheManager;

/**
 * Room for every parsed expression of the templates. Thymeleaf keeps 500 by default, fewer than the templates have
 * (1,400 variable expressions, each kept twice: as Thymeleaf's expression and as its OGNL tree; the career page alone
 * renders some 350): a full cache drops entries at random, so each career page parsed a few expressions again, and an
 * OGNL parse throws and catches an Error and an IOException as it goes.
 */
@Singleton
class TemplateCaches implements BeanCreatedEventListener<TemplateEngine> {

    static final int EXPRESSIONS = 10_000;

    @Override
    public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
        StandardCacheManager caches = new StandardCacheManager();
        caches.setExpressionCacheMaxSize(EXPRESSIONS);
        TemplateEngine engine = event.getBean();
        engine.setCacheManager(caches);
        return engine;
    }
}
