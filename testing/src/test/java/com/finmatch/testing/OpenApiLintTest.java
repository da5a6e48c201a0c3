package com.finmatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Issue 12 §6: every committed OpenAPI document (docs/openapi/*.yaml) passes Spectral with the OWASP API Security
 * ruleset ({@code docs/openapi/.spectral.yaml}) without an error. Installs the pinned Spectral once ({@code npm ci}
 * from the lockfile), lints all documents in one run and prints each document's counts per rule.
 */
class OpenApiLintTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SEVERITIES = {"error", "warning", "info", "hint"};
    private static final Map<String, List<JsonNode>> FINDINGS = new TreeMap<>();

    static Stream<String> documents() throws IOException {
        try (Stream<Path> files = Files.list(OpenApiDocuments.directory())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.startsWith("."))
                    .sorted().toList().stream();
        }
    }

    @BeforeAll
    static void lintAllDocuments() throws Exception {
        Path dir = OpenApiDocuments.directory();
        run(dir, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
        Path report = Files.createTempFile("spectral", ".json");
        List<String> command = new ArrayList<>(List.of(dir.resolve("node_modules/.bin/spectral").toString(), "lint",
                "--ruleset", ".spectral.yaml", "--format", "json", "--output", report.toString(), "--quiet"));
        command.addAll(documents().toList());
        run(dir, command, 0, 1); // 1: findings of error severity, which the tests below report
        for (JsonNode finding : JSON.readTree(report.toFile())) {
            String source = Path.of(finding.path("source").asText()).getFileName().toString();
            FINDINGS.computeIfAbsent(source, s -> new ArrayList<>()).add(finding);
        }
        Files.deleteIfExists(report);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void shouldPassSpectralWithTheOwaspRulesetWithoutAnError(String document) {
        List<JsonNode> findings = FINDINGS.getOrDefault(document, List.of());
        Map<String, Long> perRule = findings.stream().collect(Collectors.groupingBy(
                f -> SEVERITIES[f.path("severity").asInt()] + " " + f.path("code").asText(), TreeMap::new,
                Collectors.counting()));
        Map<String, Long> perSeverity = findings.stream().collect(Collectors.groupingBy(
                f -> SEVERITIES[f.path("severity").asInt()], TreeMap::new, Collectors.counting()));
        System.out.println("spectral " + document + ": " + perSeverity + (perRule.isEmpty() ? "" : "\n  " + perRule));
        List<String> errors = findings.stream().filter(f -> f.path("severity").asInt() == 0)
                .map(f -> f.path("code").asText() + " at " + path(f) + ": " + f.path("message").asText()).toList();
        if (!errors.isEmpty()) {
            throw new AssertionError(document + " has " + errors.size() + " Spectral error(s):\n"
                    + String.join("\n", errors));
        }
    }

    private static String path(JsonNode finding) {
        return StreamSupport.stream(finding.path("path").spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining("."));
    }

    private static void run(Path dir, List<String> command, int... okExitCodes) throws Exception {
        // never the fork's own stdin/stdout: surefire talks to the forked JVM through them
        Path output = Files.createTempFile("spectral-run", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output);
        Files.deleteIfExists(output);
        System.out.print(log);
        if (!finished) {
            throw new AssertionError(command.get(0) + " did not finish in 10 minutes\n" + log);
        }
        int exit = process.exitValue();
        int[] ok = okExitCodes.length == 0 ? new int[] {0} : okExitCodes;
        if (java.util.Arrays.stream(ok).noneMatch(code -> code == exit)) {
            throw new AssertionError(String.join(" ", command) + " exited with " + exit
                    + " (Node.js 18+ and npm are needed: docs/openapi/README.md)\n" + log);
        }
    }
}
