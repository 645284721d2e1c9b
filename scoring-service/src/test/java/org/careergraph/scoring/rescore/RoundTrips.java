package org.careergraph.scoring.rescore;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Counts the statements Connector/J sends from one thread, one per round trip (a batch rewritten into one multi-row
 * statement counts once): named in the datasource's {@code queryInterceptors}, so public. Static state: the driver
 * makes one instance per connection.
 */
public final class RoundTrips implements QueryInterceptor {

    private static volatile Thread watched;
    private static final AtomicInteger COUNT = new AtomicInteger();

    /** From now on counts the statements this thread sends, from zero. */
    static void watchThisThread() {
        watched = Thread.currentThread();
        COUNT.set(0);
    }

    /** The statements counted since {@link #watchThisThread}, and starts again from zero. */
    static int takeCount() {
        return COUNT.getAndSet(0);
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
        if (Thread.currentThread() == watched) {
            COUNT.incrementAndGet();
        }
        return null;
    }

    @Override
    public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        return this;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return true;
    }

    @Override
    public void destroy() {
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T resultSet,
                                               ServerSession session) {
        return null;
    }
}
