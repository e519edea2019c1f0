package se.samband.hub;

import picocli.CommandLine;
import se.samband.hub.cli.SambandCommand;

/**
 * Entry point of {@code samband.jar} and the {@code samband} launcher. Only the {@code hub} command starts
 * Spring; every other command is a plain Java program.
 */
public final class SambandMain {

    private SambandMain() {
    }

    public static void main(String[] args) {
        int exitCode = commandLine().execute(args);
        System.exit(exitCode);
    }

    /** The command tree; commands are registered on {@link SambandCommand}. */
    public static CommandLine commandLine() {
        return new CommandLine(new SambandCommand());
    }
}
