package se.samband.hub.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import se.samband.hub.HubApplication;

/**
 * {@code samband hub}: starts the hub and runs until it is stopped (Ctrl-C or SIGTERM). Every argument is
 * handed to Spring Boot, e.g. {@code --server.port=8081} or {@code --spring.profiles.active=postgres}.
 */
@Command(name = "hub",
        mixinStandardHelpOptions = true,
        description = {
            "Start the Samband hub: embedded Artemis, database, directory and health endpoint.",
            "Any other argument is passed to Spring Boot, for example:",
            "  --samband.data-dir=/var/lib/samband  --server.port=8081  --spring.profiles.active=postgres"
        })
class HubCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        SpringApplication application = new SpringApplication(HubApplication.class);
        application.setMainApplicationClass(HubApplication.class);
        application.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        ConfigurableApplicationContext context;
        try {
            context = application.run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Spring Boot has already reported why (failure analysis); a second stack trace would bury it.
            return CommandLine.ExitCode.SOFTWARE;
        }
        // The launcher exits with the command's code, so wait here until the hub is stopped.
        if (context.isActive()) {
            closed.await();
        }
        return CommandLine.ExitCode.OK;
    }
}
