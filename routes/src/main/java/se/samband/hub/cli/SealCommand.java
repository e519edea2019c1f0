package se.samband.hub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.SambandException;
import se.samband.security.pki.DevPki;
import se.samband.security.pki.Pem;
import se.samband.security.pki.Pkcs12KeyStore;
import se.samband.security.seal.Sealing;

/** {@code samband seal}: seal a header and a payload file into a notice container, by hand. */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = {"Seal a notice: sign the payload, encrypt it for the recipients' certificates, set the",
            "header's body digest and sign the header. Writes application/samband-notice+json."})
class SealCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "<sender.p12>", description = "The sender's key store.")
    Path key;

    @Option(names = "--password", defaultValue = DevPki.DEFAULT_PASSWORD,
            description = "Key store password (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--header", required = true, paramLabel = "<header.json>",
            description = "The header as JSON, without bodyDigest (the sealer sets it).")
    Path header;

    @Option(names = "--payload", required = true, paramLabel = "<file>", description = "The payload to seal.")
    Path payload;

    @Option(names = "--recipient", required = true, paramLabel = "<cert.pem>",
            description = "A recipient's certificate; repeat for each recipient, in the header's order.")
    List<Path> recipients = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "<notice.json>", description = "Where to write it.")
    Path out;

    @Override
    public Integer call() throws IOException {
        try {
            NoticeHeader notice = NoticeFiles.readHeaderInput(header);
            List<X509Certificate> certificates = new ArrayList<>();
            for (Path recipient : recipients) {
                certificates.add(Pem.readCertificate(recipient));
            }
            var sealer = Sealing.sealer(Pkcs12KeyStore.load(key, password.toCharArray()));
            SealedNotice sealed = sealer.seal(notice, Files.readAllBytes(payload), certificates);
            Files.write(out, NoticeJson.strict().writeContainer(sealed));
            spec.commandLine().getOut().printf("sealed notice %s for %d recipient(s): %s%n", notice.noticeId(),
                    certificates.size(), out);
            spec.commandLine().getOut().flush();
            return CommandLine.ExitCode.OK;
        } catch (SambandException e) {
            return NoticeFiles.refused(spec.commandLine().getErr(), e);
        }
    }
}
