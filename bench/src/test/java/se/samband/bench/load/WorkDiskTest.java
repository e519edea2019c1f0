package se.samband.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDiskTest {
    @TempDir
    Path parent;

    @Test
    void namesTheEarlierRunsDirectoriesBesideTheWorkDirWithTheirSizes() throws Exception {
        Path earlier = Files.createDirectories(parent.resolve("samband-bench-111/hub/artemis/journal"));
        Files.write(earlier.resolve("samband-data-1.amq"), new byte[3_000_000]);
        Files.createDirectories(parent.resolve("samband-bench-222"));
        Files.createDirectories(parent.resolve("other-tool-333"));
        Path work = Files.createDirectories(parent.resolve("samband-bench-444"));
        Files.write(work.resolve("own.bin"), new byte[1_000]);

        WorkDisk disk = WorkDisk.of(work);

        assertThat(disk.leftovers()).extracting(WorkDisk.Leftover::dir)
                .containsExactly(parent.resolve("samband-bench-111"), parent.resolve("samband-bench-222"));
        assertThat(disk.leftovers().get(0).bytes()).isEqualTo(3_000_000);
        assertThat(disk.leftovers().get(1).bytes()).isZero();
        assertThat(disk.totalBytes()).isPositive();
        List<String> report = disk.report();
        assertThat(report).hasSize(2);
        assertThat(report.get(1)).contains(parent.resolve("samband-bench-111") + " (3 MB)")
                .contains(parent.resolve("samband-bench-222") + " (0 MB)").doesNotContain("other-tool")
                .doesNotContain("samband-bench-444");
    }

    @Test
    void saysNothingOfLeftoversWhenThereAreNone() throws Exception {
        Path work = Files.createDirectories(parent.resolve("samband-bench-1"));

        List<String> report = WorkDisk.of(work).report();

        // With or without the warning: this reads the test machine's own disk.
        assertThat(report).singleElement().asString().matches("(WARNING: )?disk of the work dir: .*")
                .contains("block their senders at 90 %");
    }

    @Test
    void warnsFromThreeQuartersUsedBecauseTheBrokersBlockAtNinetyPercent() {
        long total = 100_000_000_000L;

        WorkDisk roomy = new WorkDisk(total, total / 2, List.of());
        WorkDisk nearlyFull = new WorkDisk(total, total / 5, List.of());

        assertThat(roomy.usedPercent()).isEqualTo(50);
        assertThat(roomy.report().get(0)).startsWith("disk of the work dir: 50.0 GB free of 100.0 GB (50 % used");
        assertThat(nearlyFull.nearlyFull()).isTrue();
        assertThat(nearlyFull.report().get(0)).startsWith("WARNING: disk of the work dir: 20.0 GB free");
    }
}
