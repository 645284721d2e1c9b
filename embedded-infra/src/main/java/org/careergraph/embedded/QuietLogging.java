package org.careergraph.embedded;

import org.slf4j.LoggerFactory;

/**
 * Turns the embedded servers' own loggers down to WARN, unless the application's logging configuration names
 * them. Only acts when Logback is the SLF4J backend (an optional dependency); with another backend it does nothing.
 */
final class QuietLogging {

    private QuietLogging() {
    }

    static void warnUnlessConfigured(String... loggerNames) {
        if (!isLogback()) {
            return;
        }
        LogbackLevels.warnUnlessConfigured(loggerNames);
    }

    private static boolean isLogback() {
        try {
            Class.forName("ch.qos.logback.classic.LoggerContext", false, QuietLogging.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        return LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext");
    }

    /** Separate class so that Logback types are only loaded when Logback is present. */
    private static final class LogbackLevels {
        static void warnUnlessConfigured(String... loggerNames) {
            var context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
            for (String name : loggerNames) {
                if (!configured(context, name)) {
                    context.getLogger(name).setLevel(ch.qos.logback.classic.Level.WARN);
                }
            }
        }

        /** True when the logger or one of its parents (below ROOT) has a level set, e.g. by logback.xml. */
        private static boolean configured(ch.qos.logback.classic.LoggerContext context, String name) {
            for (String n = name; !n.isEmpty(); n = n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : "") {
                ch.qos.logback.classic.Logger logger = context.exists(n);
                if (logger != null && logger.getLevel() != null) {
                    return true;
                }
            }
            return false;
        }
    }
}
