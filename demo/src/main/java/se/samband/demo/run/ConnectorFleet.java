package se.samband.demo.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import se.samband.connector.ConnectorApplication;

/**
 * One real connector per agency of the demo, all in this JVM: each is its own Spring Boot application context with
 * its own local API port, data directory (outbox, inbox, status store), client certificate and TLS connection to the
 * hub's broker and API. Sharing a JVM saves the memory of sixteen JVMs; nothing else is shared.
 */
public final class ConnectorFleet implements AutoCloseable {
    /** Connectors start side by side, a few at a time: start-up is mostly CPU, and the machine has few cores. */
    private static final int STARTING_AT_ONCE = 3;

    private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();
    private final Map<String, URI> apis = new LinkedHashMap<>();

    private ConnectorFleet() {
    }

    /**
     * Starts a connector for each participant against the hub, with the hub's dev PKI, and waits until all run.
     *
     * @param workDir each connector's data directory is {@code workDir/<participant id>}; the log is
     *                {@code workDir/connectors.log}
     */
    public static ConnectorFleet start(Collection<String> participants, HubProcess hub, Path workDir)
            throws IOException {
        Files.createDirectories(workDir);
        ConnectorFleet fleet = new ConnectorFleet();
        ExecutorService starter = Executors.newFixedThreadPool(STARTING_AT_ONCE, runnable -> {
            Thread thread = new Thread(runnable, "connector-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
            List<String> ids = List.copyOf(participants);
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                int port = hub.ports().connector(i);
                fleet.apis.put(id, URI.create("http://127.0.0.1:" + port));
                String[] args = arguments(id, port, hub, workDir);
                starting.add(starter.submit(() -> ConnectorApplication.start(args)));
                if (i == 0) {
                    // The first connector sets up logging for the JVM (one file, no console); the others must not set
                    // it up again, or Logback gets their appenders on top and every line is written several times.
                    fleet.running.put(id, starting.get(0).get());
                    System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
                }
            }
            for (int i = 1; i < ids.size(); i++) {
                fleet.running.put(ids.get(i), starting.get(i).get());
            }
            return fleet;
        } catch (ExecutionException e) {
            fleet.close();
            throw new IOException("a connector did not start: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            fleet.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the connectors", e);
        } finally {
            starter.shutdownNow();
        }
    }

    /** Participant id to the base URL of its connector's local API. */
    public Map<String, URI> apis() {
        return Collections.unmodifiableMap(apis);
    }

    private static String[] arguments(String id, int port, HubProcess hub, Path workDir) {
        Ports ports = hub.ports();
        return new String[] {
            "--samband.connector.participant-id=" + id,
            "--samband.connector.data-dir=" + workDir.resolve(id),
            "--samband.connector.pki.dir=" + hub.pkiDir(),
            "--samband.connector.hub.broker=127.0.0.1:" + ports.brokerTls(),
            "--samband.connector.hub.api-url=https://127.0.0.1:" + ports.api(),
            "--server.port=" + port,
            "--spring.application.name=connector-" + id,
            "--camel.main.name=connector-" + id,
            "--camel.main.jmx-enabled=false",
            // Sixteen connectors share this JVM's console: their logs go to one file, the console is the demo's.
            "--logging.file.name=" + workDir.resolve("connectors.log"),
            "--logging.threshold.console=OFF"
        };
    }

    @Override
    public void close() {
        List<String> ids = new ArrayList<>(running.keySet());
        Collections.reverse(ids);
        for (String id : ids) {
            try {
                running.get(id).close();
            } catch (RuntimeException e) {
                // Keep stopping the others; the context logs its own failure.
            }
        }
        running.clear();
    }
}
