package se.samband.hub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.Pkcs12KeyStore;
import se.samband.security.seal.OpenedNotice;
import se.samband.security.seal.Sealing;

/** {@code samband open}: what a recipient does: verify, decrypt, verify the inner signature. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Open a notice with a recipient's key: verify the header, decrypt the body, verify the",
            "signature inside it and check that the same certificate signed both. The payload holds personal",
            "data: it is written to --out only. Exit code 3 when the notice is refused."})
class OpenCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<notice.json>")
    Path notice;

    @Option(names = "--key", required = true, paramLabel = "<recipient.p12>", description = "Your key store.")
    Path key;

    @Option(names = "--password", defaultValue = DevPki.DEFAULT_PASSWORD,
            description = "Key store password (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--trust", paramLabel = "<pki-dir>", description = "Also validate the signer's chain.")
    Path trust;

    @Option(names = "--out", required = true, paramLabel = "<payload-file>",
            description = "Where to write the payload.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter report = spec.commandLine().getOut();
        try {
            var sealed = NoticeFiles.readContainer(notice);
            OpenedNotice opened = Sealing.opener().open(sealed, Pkcs12KeyStore.load(key, password.toCharArray()));
            String chain = NoticeFiles.checkSigner(trust, opened.signer(), opened.header());
            Files.write(out, opened.payload());
            report.printf("opened notice %s (%s) from %s%n", opened.header().noticeId(), opened.header().type(),
                    opened.header().sender());
            report.printf("signer     %s%n", chain);
            report.printf("payload    %d bytes written to %s%n", opened.payload().length, out);
            report.flush();
            return CommandLine.ExitCode.OK;
        } catch (SambandException e) {
            return NoticeFiles.refused(spec.commandLine().getErr(), e);
        }
    }
}
