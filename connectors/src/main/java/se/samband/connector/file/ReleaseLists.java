package se.samband.connector.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samband.connector.hubclient.HubUnreachable;
import se.samband.connector.local.Problem;
import se.samband.connector.outbound.NoticeSubmitter;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/**
 * One dropped release list: every valid row is submitted (sealed into the outbox), every bad row is written to
 * {@code <errors>/<file>.errors.csv} as {@code row;column;reason} — the rule broken, never the value. A file whose
 * header is wrong is reported as row 1 and nothing of it is submitted. While the hub's directory cannot be reached
 * the file is left in place and tried again (rows queued on an earlier try are recognised by their notice ids).
 */
public class ReleaseLists {
    private static final Logger log = LoggerFactory.getLogger(ReleaseLists.class);
    private final ReleaseListParser parser = new ReleaseListParser();
    private final NoticeSubmitter submitter;
    private final Path errorFolder;
    private final Clock clock;

    public ReleaseLists(NoticeSubmitter submitter, Path errorFolder, Clock clock) {
        this.submitter = submitter;
        this.errorFolder = errorFolder;
        this.clock = clock;
    }

    /** What became of one file. */
    public record Report(int submitted, int alreadySubmitted, int rejected) {
    }

    public Report process(String fileName, byte[] content) {
        ReleaseListParser.Result result = parser.parse(content, LocalDate.now(clock));
        List<String> errors = new ArrayList<>();
        for (Problem problem : result.fileProblems()) {
            errors.add("1;" + problem.field() + ";" + problem.code());
        }
        int submitted = 0;
        int already = 0;
        for (ReleaseListParser.Row row : result.rows()) {
            if (!row.valid()) {
                row.problems().forEach(p -> errors.add(row.number() + ";" + p.field() + ";" + p.code()));
                continue;
            }
            try {
                submitter.submit(row.submission());
                submitted++;
            } catch (SambandException e) {
                if (e.code() == ErrorCode.REPLAYED_NOTICE) {
                    already++;
                } else {
                    errors.add(row.number() + ";row;" + e.code().code());
                }
            } catch (HubUnreachable e) {
                throw e;
            }
        }
        int rejected = (int) errors.stream().map(line -> line.substring(0, line.indexOf(';'))).distinct().count();
        if (!errors.isEmpty()) {
            writeErrors(fileName, errors);
        }
        log.info("release list {}: {} rows submitted, {} submitted before, {} rows rejected", fileName, submitted,
                already, rejected);
        return new Report(submitted, already, rejected);
    }

    private void writeErrors(String fileName, List<String> errors) {
        try {
            Files.createDirectories(errorFolder);
            Path target = errorFolder.resolve(fileName + ".errors.csv");
            Path temp = errorFolder.resolve("." + fileName + ".errors.tmp");
            Files.writeString(temp, "row;column;reason\n" + String.join("\n", errors) + "\n", StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the error file for " + fileName, e);
        }
    }
}
