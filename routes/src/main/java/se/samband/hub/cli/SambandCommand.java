package se.samband.hub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root command. Every subcommand is registered here, in {@code subcommands}, and nowhere else:
 * to add one, write a class in this package and add it to the list.
 */
@Command(name = "samband",
        mixinStandardHelpOptions = true,
        versionProvider = SambandVersion.class,
        description = "Samband: a secure, consent-checked message hub for agencies working against "
                + "intimate-partner violence.",
        subcommands = {
            HubCommand.class,
            PkiCommand.class,
            SealCommand.class,
            VerifyCommand.class,
            OpenCommand.class,
            AuditCommand.class,
            PeopleCommand.class,
            CommandLine.HelpCommand.class,
        })
public class SambandCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
