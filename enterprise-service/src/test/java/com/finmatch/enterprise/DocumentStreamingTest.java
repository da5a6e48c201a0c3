package com.finmatch.enterprise;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.finmatch.enterprise.Fixtures.newSubject;
import static com.finmatch.enterprise.Fixtures.registerEnterprise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 §2: a document is streamed, never whole in memory. This class runs in a JVM of its own with a heap of
 * {@value #HEAP_MIB} MiB (enterprise-service/pom.xml, execution {@code small-heap}) that holds the test and the
 * service; {@value #TRANSFERS} enterprises upload a 10 MiB file each at the same time and then download it at the
 * same time, client and server both streaming. A service that held each file in memory (a byte array of the upload,
 * one of the download, and the copies the database driver makes) would need several times
 * {@value #TRANSFERS} × 10 MiB of heap at once and fail with OutOfMemoryError (a 500) or not answer; streaming needs
 * a chunk of 256 KiB per transfer. Every byte comes back as it went in (size and SHA-256).
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class DocumentStreamingTest {

    static final int HEAP_MIB = 256;
    static final int TRANSFERS = 10;
    static final int SIZE = 10 * 1024 * 1024;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Transfer(String owner, String enterpriseId, Path file, String sha256) {
    }

    @Test
    void shouldUploadAndDownloadTenMebibyteFilesConcurrentlyInASmallHeap() throws Exception {
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        assertTrue(heap <= HEAP_MIB * 1024L * 1024L, "this test must run with -Xmx" + HEAP_MIB + "m, not " + heap);
        List<Transfer> transfers = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) {
            String owner = newSubject("streaming");
            Path file = Files.createTempFile("document", ".pdf");
            transfers.add(new Transfer(owner, registerEnterprise(owner), file, writePdf(file, i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(TRANSFERS);
        try {
            List<String> documentIds = all(pool, transfers.stream().map(t -> (java.util.concurrent.Callable<String>)
                    () -> upload(t)).toList());
            List<java.util.concurrent.Callable<String>> downloads = new ArrayList<>();
            for (int i = 0; i < TRANSFERS; i++) {
                Transfer t = transfers.get(i);
                String documentId = documentIds.get(i);
                downloads.add(() -> download(t, documentId));
            }
            List<String> received = all(pool, downloads);
            for (int i = 0; i < TRANSFERS; i++) {
                assertEquals(transfers.get(i).sha256(), received.get(i), "document " + i + " came back changed");
            }
        } finally {
            pool.shutdownNow();
            for (Transfer t : transfers) {
                Files.deleteIfExists(t.file());
            }
        }
    }

    /** A PDF header and random bytes, written in pieces; its SHA-256. */
    private static String writePdf(Path file, int seed) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(seed);
        byte[] piece = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < SIZE; written += piece.length) {
                random.nextBytes(piece);
                if (written == 0) {
                    byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(head, 0, piece, 0, head.length);
                }
                out.write(piece);
                sha.update(piece);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Posts the file as multipart, streamed from disk; the stored document's SHA-256 must be the file's. */
    private static String upload(Transfer t) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nFINANCIAL_STATEMENT\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = head.length + SIZE + tail.length;
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                        List.of(new ByteArrayInputStream(head), open(t.file()), new ByteArrayInputStream(tail))))),
                length);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(t, ""))
                .header("Authorization", "Bearer " + Tokens.enterprise(t.owner()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"sha256\":\"" + t.sha256() + "\""), response.body());
        assertTrue(response.body().contains("\"size\":" + SIZE), response.body());
        return response.body().replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    /** Reads the content as a stream; its SHA-256. */
    private static String download(Transfer t, String documentId) throws Exception {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(uri(t, "/" + documentId + "/content"))
                .header("Authorization", "Bearer " + Tokens.enterprise(t.owner())).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals(String.valueOf(SIZE), response.headers().firstValue("Content-Length").orElse(""));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long received = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; received += n) {
                sha.update(buffer, 0, n);
            }
        }
        assertEquals(SIZE, received);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static URI uri(Transfer t, String rest) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/enterprises/" + t.enterpriseId()
                + "/documents" + rest);
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> all(ExecutorService pool, List<java.util.concurrent.Callable<T>> tasks)
            throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> f : pool.invokeAll(tasks)) {
            results.add(f.get());
        }
        return results;
    }
}
