package se.samband.hub.directory;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an unusable federation file into a start-up report an operator can act on, instead of a stack
 * trace. Registered in {@code META-INF/spring.factories}.
 */
class FederationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidFederationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidFederationException cause) {
        String description = "Samband cannot start: the federation file " + cause.source() + " has "
                + cause.problems().size() + " problem(s):\n"
                + cause.problems().stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
        String action = "Correct every problem listed above in the federation file, or point "
                + "samband.federation.location at a valid file, then start the hub again.";
        return new FailureAnalysis(description, action, cause);
    }
}
