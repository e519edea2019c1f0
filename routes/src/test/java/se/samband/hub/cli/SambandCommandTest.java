package se.samband.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import se.samband.hub.SambandMain;

class SambandCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = SambandMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: samband", "Commands:", "hub", "help");
    }

    @Test
    void noCommandShowsUsageAndFails() {
        assertThat(run()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Usage: samband", "hub");
    }

    @Test
    void unknownCommandIsRefused() {
        assertThat(run("frobnicate")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void hubHelpExplainsSpringArgumentsWithoutStartingTheHub() {
        assertThat(run("hub", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: samband hub", "--samband.data-dir=");
    }

    @Test
    void hubHandsEveryOtherArgumentToSpringBoot() {
        ParseResult parsed = SambandMain.commandLine().parseArgs(
                "hub", "--samband.data-dir=/tmp/x", "--spring.profiles.active=postgres", "--server.port=8081");

        HubCommand hub = (HubCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(hub.springArgs).containsExactly(
                "--samband.data-dir=/tmp/x", "--spring.profiles.active=postgres", "--server.port=8081");
    }
}
