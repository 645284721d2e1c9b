package org.careergraph.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.careergraph.web.StubbedSite;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.ICache;
import org.thymeleaf.cache.ICacheManager;

/** Every expression the pages parse stays parsed: a second rendering of the same pages parses none again. */
class TemplateCachesTest {

    private final StubbedSite site = StubbedSite.start();

    @Test
    void theExpressionCacheKeepsEveryExpressionThePagesUse() throws Exception {
        site.answer(uri -> null);
        ICacheManager caches = site.bean(TemplateEngine.class).getCacheManager();
        ICache<?, ?> expressions = caches.getExpressionCache();

        renderPages();
        int parsed = expressions.keySet().size();
        renderPages();

        assertTrue(parsed > 500, "more expressions than Thymeleaf keeps by default: " + parsed);
        assertTrue(parsed < TemplateCaches.EXPRESSIONS, "room to spare: " + parsed);
        assertEquals(parsed, expressions.keySet().size(), "the second rendering parsed nothing again");
    }

    private void renderPages() throws Exception {
        for (String lang : new String[] {"en", "zh"}) {
            for (String path : new String[] {"/", "/occupations/soc-29-1141", "/occupations/anzsco-411215"}) {
                assertEquals(200, site.get(path + "?lang=" + lang).statusCode(), path);
            }
        }
    }
}
