package com.finmatch.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The images each overlay deploys are the ones {@code ./mvnw package -Pimages} builds: the root pom's {@code images}
 * profile names registry, group, tag and a non-root user for {@code quarkus-container-image-jib}, which each
 * application's own {@code images} profile adds; the image name is the application's {@code quarkus.application.name}.
 * The profile is not active by default, so the normal build needs no registry.
 */
class ImagesTest {

    private static final List<String> APPLICATIONS = List.of("enterprise-service", "loan-service", "matching-service",
            "notification-service", "web-portal");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldDeployTheImagesTheBuildMakes(String overlay) throws Exception {
        Map<String, String> build = imagesProfile(pom(Manifests.ROOT.resolve("pom.xml")), null);
        String tag = build.get("quarkus.container-image.tag").replace("${project.version}", projectVersion());
        String user = build.get("quarkus.jib.user");
        assertNotNull(user, "the images profile sets no quarkus.jib.user: the image would run as its base image's user");
        assertFalse(user.equals("0") || user.startsWith("root") || user.startsWith("0:"), "the images run as root: " + user);
        for (String app : APPLICATIONS) {
            Map<String, String> own = imagesProfile(pom(Manifests.ROOT.resolve(app + "/pom.xml")), "quarkus-container-image-jib");
            String name = own.getOrDefault("quarkus.container-image.name", applicationName(app));
            String expected = build.get("quarkus.container-image.registry") + "/" + build.get("quarkus.container-image.group")
                    + "/" + name + ":" + tag;
            Deployment d = Manifests.of(overlay).all(Deployment.class).stream()
                    .filter(x -> x.getMetadata().getName().equals(app)).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + " deploys no " + app));
            assertEquals(expected, d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
                    overlay + ": " + app + " is not the image ./mvnw package -Pimages builds");
        }
    }

    /**
     * The properties of the pom's profile {@code images}, which must not be active by default and, when
     * {@code dependency} is given, must add that artifact.
     */
    private static Map<String, String> imagesProfile(Document pom, String dependency) {
        for (Element profile : children(pom.getDocumentElement(), "profiles", "profile")) {
            if (!"images".equals(text(profile, "id"))) {
                continue;
            }
            assertTrue(children(profile, "activation").isEmpty(), "the images profile activates itself");
            if (dependency != null) {
                assertTrue(children(profile, "dependencies", "dependency").stream()
                        .anyMatch(d -> dependency.equals(text(d, "artifactId"))), "the images profile lacks " + dependency);
            }
            Map<String, String> props = new HashMap<>();
            for (Element properties : children(profile, "properties")) {
                for (Node n = properties.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        props.put(e.getTagName(), e.getTextContent().trim());
                    }
                }
            }
            return props;
        }
        throw new AssertionError(pom.getDocumentURI() + " has no profile images");
    }

    private static String projectVersion() throws Exception {
        return text(pom(Manifests.ROOT.resolve("pom.xml")).getDocumentElement(), "version");
    }

    private static String applicationName(String app) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Manifests.ROOT.resolve(app + "/src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p.getProperty("quarkus.application.name", app);
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** The elements at this path of direct children. */
    private static List<Element> children(Element parent, String... path) {
        List<Element> level = List.of(parent);
        for (String name : path) {
            level = level.stream().flatMap(p -> {
                java.util.List<Element> found = new java.util.ArrayList<>();
                for (Node n = p.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && e.getTagName().equals(name)) {
                        found.add(e);
                    }
                }
                return found.stream();
            }).toList();
        }
        return level;
    }

    private static String text(Element parent, String child) {
        List<Element> c = children(parent, child);
        return c.isEmpty() ? null : c.get(0).getTextContent().trim();
    }
}
