package org.careergraph.deploy.load;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.careergraph.deploy.local.Service;
import org.careergraph.deploy.local.ServiceJvms;

/**
 * Each service JVM's heap right after a full GC, as that GC itself reports it.
 *
 * <p>The service JVMs are this JVM's descendants, found by their main class. For each, the Attach API starts the
 * JVM's local JMX agent (what {@code jcmd <pid> ManagementAgent.start_local} does) and a JMX connection is kept for
 * the run. A sample asks for a full GC ({@code MemoryMXBean.gc()}, what {@code jcmd <pid> GC.run} does; a
 * stop-the-world mark-compact under the services' serial GC) and reads the heap pools' usage after it from that
 * collection's own {@code GcInfo}: unlike reading the used heap afterwards (or {@code GC.heap_info}), nothing the
 * load allocates in between counts.
 */
final class HeapAfterGc implements AutoCloseable {

    /** The heap after a full GC, and the pid it was read from (a new pid: the service was restarted). */
    record Reading(long pid, long bytes) {
    }

    private record Connection(long pid, JMXConnector connector, MemoryMXBean memory,
                              List<GarbageCollectorMXBean> collectors, Set<String> heapPools) {
    }

    private final Map<Service, Connection> connections = new EnumMap<>(Service.class);

    /** Every service's reading; a service that cannot be read is missing, with why in {@code problems}. */
    Map<Service, Reading> sample(List<String> problems) {
        Map<Service, Reading> readings = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            try {
                readings.put(service, read(service));
            } catch (Exception e) {
                problems.add(service.shortName() + ": heap not read: " + e);
                forget(service);
            }
        }
        return readings;
    }

    private Reading read(Service service) throws Exception {
        long pid = pid(service);
        Connection connection = connections.get(service);
        if (connection == null || connection.pid() != pid) {
            forget(service);
            connection = connect(pid);
            connections.put(service, connection);
        }
        Map<String, Long> counts = new HashMap<>();
        for (GarbageCollectorMXBean collector : connection.collectors()) {
            counts.put(collector.getName(), collector.getCollectionCount());
        }
        connection.memory().gc();
        // The full collection: of the collectors that ran, the one over the most pools (serial: MarkSweepCompact
        // over eden, survivor and tenured, not Copy over the young pools), and its last run.
        GcInfo full = null;
        int pools = -1;
        for (GarbageCollectorMXBean collector : connection.collectors()) {
            if (collector.getCollectionCount() > counts.get(collector.getName())
                    && collector.getMemoryPoolNames().length > pools) {
                pools = collector.getMemoryPoolNames().length;
                full = collector.getLastGcInfo();
            }
        }
        if (full == null) {
            // No collection seen (should not happen): the used heap at once, the next best.
            return new Reading(pid, connection.memory().getHeapMemoryUsage().getUsed());
        }
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : full.getMemoryUsageAfterGc().entrySet()) {
            if (connection.heapPools().contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return new Reading(pid, used);
    }

    private static Connection connect(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        try {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server,
                    ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            List<GarbageCollectorMXBean> collectors = ManagementFactory.getPlatformMXBeans(server,
                    GarbageCollectorMXBean.class);
            Set<String> heapPools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                    .collect(Collectors.toSet());
            return new Connection(pid, connector, memory, collectors, heapPools);
        } catch (Exception e) {
            connector.close();
            throw e;
        }
    }

    /** The service's JVM among this JVM's descendants. */
    static long pid(Service service) {
        return ServiceJvms.pid(service);
    }

    private void forget(Service service) {
        Connection connection = connections.remove(service);
        if (connection != null) {
            try {
                connection.connector().close();
            } catch (IOException e) {
                // the JVM is gone: nothing to close
            }
        }
    }

    @Override
    public void close() {
        for (Service service : Service.values()) {
            forget(service);
        }
    }
}
