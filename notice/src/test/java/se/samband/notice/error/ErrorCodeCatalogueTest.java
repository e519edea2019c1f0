package se.samband.notice.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps ERROR-CODES.md at the repository root in step with the enum agencies see on the wire. */
class ErrorCodeCatalogueTest {
    /** Surefire runs in the module directory; the catalogue sits at the repository root. */
    private static final Path CATALOGUE = Path.of("..", "ERROR-CODES.md");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9_]+)`\\s*\\|\\s*(\\d{3})\\s*\\|.*");
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    @Test
    void documentsEveryErrorCodeWithItsHttpStatus() throws IOException {
        Map<String, Integer> documented = documentedCodes();

        List<String> missing = Arrays.stream(ErrorCode.values()).map(ErrorCode::code)
                .filter(code -> !documented.containsKey(code)).toList();
        List<String> wrongStatus = Arrays.stream(ErrorCode.values())
                .filter(code -> documented.containsKey(code.code()))
                .filter(code -> documented.get(code.code()) != code.httpStatus())
                .map(ErrorCode::code).toList();

        assertThat(missing).as("codes missing from ERROR-CODES.md").isEmpty();
        assertThat(wrongStatus).as("codes whose HTTP status in ERROR-CODES.md differs from the enum").isEmpty();
    }

    @Test
    void documentsNoCodeThatDoesNotExist() throws IOException {
        List<String> known = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();

        assertThat(documentedCodes().keySet()).as("codes in ERROR-CODES.md that the enum lacks")
                .allMatch(known::contains);
    }

    @Test
    void codesAreUniqueSnakeCase() {
        List<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();

        assertThat(codes).doesNotHaveDuplicates().allMatch(code -> SNAKE_CASE.matcher(code).matches());
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::message)).doesNotContainNull()
                .allMatch(message -> !message.isBlank());
    }

    private static Map<String, Integer> documentedCodes() throws IOException {
        assertThat(CATALOGUE).as("ERROR-CODES.md at the repository root").exists();
        Map<String, Integer> codes = new HashMap<>();
        for (String line : Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                Integer previous = codes.put(row.group(1), Integer.parseInt(row.group(2)));
                assertThat(previous).as("code documented twice: " + row.group(1)).isNull();
            }
        }
        return codes;
    }
}
