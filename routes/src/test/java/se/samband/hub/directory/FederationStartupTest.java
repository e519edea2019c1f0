package se.samband.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.samband.hub.HubApplication;
import se.samband.hub.TestSupport;

@ExtendWith(OutputCaptureExtension.class)
class FederationStartupTest {

    @Test
    void brokenFederationStopsTheStartUpAndTheReportListsEveryProblem(CapturedOutput output) throws Exception {
        Path dataDir = TestSupport.newDataDir("broken-federation");
        Path federation = dataDir.resolve("federation.yaml");
        try (var in = getClass().getResourceAsStream("/federation/broken-federation.yaml")) {
            Files.copy(in, federation, StandardCopyOption.REPLACE_EXISTING);
        }
        SpringApplication hub = new SpringApplication(HubApplication.class);

        assertThatThrownBy(() -> hub.run(
                "--samband.data-dir=" + dataDir,
                "--samband.federation.location=file:" + federation,
                "--server.port=0",
                "--samband.broker.port=" + TestSupport.freePort()))
                .satisfies(e -> assertThat(causeChain(e))
                        .hasAtLeastOneElementOfType(InvalidFederationException.class));

        assertThat(output.getOut())
                .contains("Samband cannot start: the federation file " + federation + " has 3 problem(s):")
                .contains("  - participants[1] (socialtjanst.bollnas).municipalities: '21X3' is not a valid kommunkod")
                .contains("'polisen.okand' is not a participant")
                .contains("legalBases: no rule for [NECESSARY_OWN_TASK,")
                .contains("point samband.federation.location at a valid file");
        assertThat(dataDir.resolve("artemis")).as("the broker never starts without a valid federation")
                .doesNotExist();
    }

    @Test
    void missingFederationFileIsReportedWithItsPath(CapturedOutput output) {
        Path dataDir = TestSupport.newDataDir("missing-federation");
        Path federation = dataDir.resolve("no-such-federation.yaml");

        assertThatThrownBy(() -> new SpringApplication(HubApplication.class).run(
                "--samband.data-dir=" + dataDir,
                "--samband.federation.location=file:" + federation,
                "--server.port=0",
                "--samband.broker.port=" + TestSupport.freePort()))
                .isNotNull();

        assertThat(output.getOut()).contains(
                "Samband cannot start: the federation file " + federation + " has 1 problem(s):\n  - does not exist");
    }

    private static List<Throwable> causeChain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
