package se.samband.hub.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.samband.notice.SealedNotice;
import se.samband.notice.error.SambandException;
import se.samband.security.seal.Sealing;
import se.samband.security.seal.VerifiedHeader;

/** {@code samband verify}: what the hub checks, without opening the body. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a notice as the hub does without opening it: the container, the header",
            "signature, the body digest and (with --trust) the signer's certificate chain and revocation.",
            "Prints the header. Exit code 3 when the notice is refused."})
class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<notice.json>")
    Path notice;

    @Option(names = "--trust", paramLabel = "<pki-dir>",
            description = "Trust directory with ca/*.crt and ca/*.crl (e.g. the dev PKI directory).")
    Path trust;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            SealedNotice sealed = NoticeFiles.readContainer(notice);
            VerifiedHeader verified = Sealing.verifier().verify(sealed);
            String chain = NoticeFiles.checkSigner(trust, verified.signer(), verified.header());
            out.println(NoticeFiles.pretty(sealed.header()));
            out.printf("signature  valid, body digest matches%n");
            out.printf("signer     %s%n", chain);
            out.printf("body       %d bytes, sealed for %d recipient(s)%n", sealed.body().length,
                    verified.header().recipients().size());
            out.flush();
            return CommandLine.ExitCode.OK;
        } catch (SambandException e) {
            return NoticeFiles.refused(spec.commandLine().getErr(), e);
        }
    }
}
