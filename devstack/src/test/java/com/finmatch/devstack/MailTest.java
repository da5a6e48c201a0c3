package com.finmatch.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's mail server part, on free ports and a throwaway state directory: what `./finmatch up` starts. */
class MailTest {
    @TempDir
    Path tmp;

    private Parts parts;
    private StateDir dirs;
    private Mail mail;

    @BeforeEach
    void startTheMailServer() {
        int[] free = Ports.freePorts(3);
        dirs = StateDir.of(tmp, true);
        dirs.createDirectories();
        parts = new Parts();
        mail = new Mail(dirs, parts, new Mail.MailPorts(free[0], free[1], free[2]), Mail.jar(Stack.findRoot()));
        mail.start();
    }

    @AfterEach
    void stopIt() {
        parts.stopAll();
    }

    @Test
    void shouldKeepAMailSentOverSmtpWithAnyCredentialsReadableOverItsRestApi() throws IOException {
        smtp(mail.ports().smtp(), "ent1@finmatch.example.com", "=?UTF-8?B?" + b64("新线索 / New lead") + "?=",
                "您好 — a new lead is waiting.");

        JsonNode users = Http.get(mail.ports().apiUrl() + "/api/user", null).json();
        assertEquals("ent1@finmatch.example.com", users.get(0).path("email").asText(), users.toString());
        Http.Response inbox = Http.get(mail.ports().apiUrl() + "/api/user/ent1@finmatch.example.com/messages/INBOX", null);
        assertEquals(200, inbox.status(), inbox.brief());
        assertEquals(1, inbox.json().size(), inbox.brief());
        assertEquals("新线索 / New lead", inbox.json().get(0).path("subject").asText());
        assertTrue(inbox.json().get(0).path("mimeMessage").asText().contains("From: noreply@finmatch.example.com"));
    }

    @Test
    void shouldBeAdoptedByTheNextStackAndStoppedByItsPid() {
        long pid = dirs.adopt(Mail.NAME).orElseThrow().pid();

        Parts next = new Parts();
        new Mail(dirs, next, mail.ports(), Mail.jar(Stack.findRoot())).start();
        next.stopAll();

        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        assertFalse(process.isPresent() && process.get().isAlive(), "pid " + pid + " still runs");
        assertFalse(Ports.isOpen(mail.ports().smtp()));
        assertTrue(dirs.adopt(Mail.NAME).isEmpty());
    }

    @Test
    void shouldComeBackEmptyOnTheSamePortsAfterACrash() throws IOException {
        smtp(mail.ports().smtp(), "bank1@finmatch.example.com", "before", "lost in the crash");

        mail.kill();
        assertFalse(mail.ready());
        mail.restart();

        assertTrue(mail.ready());
        assertEquals(0, Http.get(mail.ports().apiUrl() + "/api/user", null).json().size());
        smtp(mail.ports().smtp(), "bank1@finmatch.example.com", "after", "kept");
        assertEquals("after", Http.get(mail.ports().apiUrl() + "/api/user/bank1@finmatch.example.com/messages/INBOX", null)
                .json().get(0).path("subject").asText());
    }

    /** A plain SMTP dialog with AUTH PLAIN (as Quarkus Mailer speaks it), failing on any unexpected reply. */
    private static void smtp(int port, String to, String subject, String body) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
            expect(in, "220");
            send(out, "EHLO finmatch.test");
            expect(in, "250");
            send(out, "AUTH PLAIN " + b64("\0notification-service\0any-password"));
            expect(in, "235");
            send(out, "MAIL FROM:<noreply@finmatch.example.com>");
            expect(in, "250");
            send(out, "RCPT TO:<" + to + ">");
            expect(in, "250");
            send(out, "DATA");
            expect(in, "354");
            send(out, "From: noreply@finmatch.example.com\r\nTo: " + to + "\r\nSubject: " + subject
                    + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit"
                    + "\r\n\r\n" + body + "\r\n.");
            expect(in, "250");
            send(out, "QUIT");
            expect(in, "221");
        }
    }

    private static void send(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    /** Reads one reply (all its lines: "250-…" continues, "250 …" ends) and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            assertTrue(line != null && line.startsWith(code), "expected " + code + " but the server said " + line);
        } while (line.charAt(3) == '-');
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
