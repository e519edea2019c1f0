package se.samband.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.samband.security.audit.ChainVerification.Problem;

/** AUDIT-EVENTS.md is the auditor's specification: it must name every event and every problem. */
class AuditEventsDocumentTest {
    private static final Path DOCUMENT = Path.of("AUDIT-EVENTS.md");

    @Test
    void catalogueDescribesEveryEventType() throws Exception {
        String document = Files.readString(DOCUMENT);
        for (AuditEventType type : AuditEventType.values()) {
            assertThat(document).as(type.name()).contains("`" + type.name() + "`");
            assertThat(type.meaning()).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void verificationSectionNamesEveryProblem() throws Exception {
        String verification = Files.readString(DOCUMENT).split("## Verification", 2)[1];
        for (Problem problem : Problem.values()) {
            assertThat(verification).as(problem.name()).contains("`" + problem.name() + "`");
        }
    }
}
