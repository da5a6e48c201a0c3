package com.finmatch.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.activation.CommandMap;
import jakarta.activation.MailcapCommandMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** A real SMTP server (GreenMail) on a free port, which a test may stop and start again on the same port. */
public class MailTestResource implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static GreenMail server;

    static synchronized GreenMail server() {
        return server;
    }

    static synchronized void stopServer() {
        server.stop();
    }

    static synchronized void startServer() {
        angusHandlersFirst();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /**
     * The test classpath also holds javax.mail's mailapi 1.6 (a dependency of the OpenAPI validator), whose
     * META-INF/mailcap names javax.activation handlers that cannot load on Java 17; entries added here come first, so
     * GreenMail parses what it receives with Angus Mail's own handlers.
     */
    private static void angusHandlersFirst() {
        MailcapCommandMap map = new MailcapCommandMap();
        String handlers = "org.eclipse.angus.mail.handlers.";
        map.addMailcap("text/plain;; x-java-content-handler=" + handlers + "text_plain");
        map.addMailcap("text/html;; x-java-content-handler=" + handlers + "text_html");
        map.addMailcap("text/xml;; x-java-content-handler=" + handlers + "text_xml");
        map.addMailcap("multipart/*;; x-java-content-handler=" + handlers + "multipart_mixed");
        map.addMailcap("message/rfc822;; x-java-content-handler=" + handlers + "message_rfc822");
        CommandMap.setDefaultCommandMap(map);
    }

    @Override
    public Map<String, String> start() {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void stop() {
        server.stop();
    }
}
