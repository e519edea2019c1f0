package se.samband.hub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code samband audit}: the security officer's tools for the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Work with the hub's audit trail.",
        subcommands = {AuditVerifyCommand.class})
class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
