package se.samband.hub.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.samband.notice.ParticipantId;
import se.samband.security.federation.Federation;
import se.samband.security.federation.FederationLoader;
import se.samband.security.pki.DevPki;

/** {@code samband pki}: the development PKI of a federation (never for production keys). */
@Command(name = "pki",
        mixinStandardHelpOptions = true,
        description = "Development PKI: a federation CA, one key and certificate per participant, a CRL.",
        subcommands = {PkiCommand.Init.class, PkiCommand.Revoke.class})
class PkiCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create (or complete) the dev PKI for every participant of a federation file.",
                "Idempotent: an existing CA is reused and only missing participants are issued."})
    static class Init implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<federation.yaml>")
        Path federationFile;

        @Parameters(index = "1", paramLabel = "<dir>")
        Path dir;

        @Option(names = "--password", description = "Key store password (default: ${DEFAULT-VALUE}).",
                defaultValue = DevPki.DEFAULT_PASSWORD, interactive = false)
        String password;

        @Option(names = "--rsa", split = ",", paramLabel = "<participant>",
                description = "Participants that get RSA-3072 keys instead of EC P-256.")
        Set<String> rsaParticipants = Set.of();

        @Override
        public Integer call() {
            Federation federation = new FederationLoader().load(federationFile);
            Set<ParticipantId> rsa = rsaParticipants.stream().map(ParticipantId::of).collect(Collectors.toSet());
            DevPki.Result result = DevPki.init(federation, dir, DevPki.Options.defaults()
                    .withPassword(password.toCharArray())
                    .withRsa(rsa));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("federation %s (%s): CA %s, %d issued, %d reused%n", federation.info().id(),
                    federation.info().version(), result.caCreated() ? "created" : "reused",
                    result.issued().size(), result.reused().size());
            out.printf("CA certificate  %s%n", result.layout().caCertificate());
            out.printf("CRL             %s%n", result.layout().crl());
            out.printf("trust store     %s%n", result.layout().trustStore());
            out.printf("participants    %s%n", result.layout().dir().resolve("participants"));
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a participant's certificate: re-issue the CRL with its serial number.")
    static class Revoke implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<dir>")
        Path dir;

        @Parameters(index = "1", paramLabel = "<participant>")
        String participant;

        @Option(names = "--password", defaultValue = DevPki.DEFAULT_PASSWORD,
                description = "Key store password (default: ${DEFAULT-VALUE}).")
        String password;

        @Override
        public Integer call() {
            char[] secret = password.toCharArray();
            DevPki.revoke(dir, ParticipantId.of(participant), secret, Clock.systemUTC());
            Arrays.fill(secret, '\0');
            spec.commandLine().getOut().printf("revoked %s; CRL %s%n", participant,
                    new DevPki.Layout(dir).crl());
            spec.commandLine().getOut().flush();
            return CommandLine.ExitCode.OK;
        }
    }
}
