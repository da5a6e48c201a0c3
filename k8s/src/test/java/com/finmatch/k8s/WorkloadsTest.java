package com.finmatch.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The applications' workloads of each overlay, loaded strictly: every object is a kind the cluster and the pinned
 * operators know, with no unknown field; every container has probes, requests and a memory limit and cannot run as
 * root; every Service, PodDisruptionBudget and NetworkPolicy selects pods that will run, each Deployment has its own
 * budget, traffic is denied by default and allowed per flow; an overlay lives in its own Namespace.
 */
class WorkloadsTest {

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldLoadEveryObjectWithNoFieldItsModelDoesNotKnow(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> unknown = new ArrayList<>();
        for (HasMetadata o : m.objects()) {
            Strict.unknownFields(o).forEach(f -> unknown.add(o.getKind() + " " + o.getMetadata().getName() + f));
        }
        assertEquals(List.of(), unknown, overlay + ": fields no model knows");
        assertFalse(m.all(Deployment.class).isEmpty(), overlay + " renders no Deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldGiveEveryContainerProbesRequestsAndAMemoryLimit(String overlay) {
        for (Deployment d : Manifests.of(overlay).all(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String who = overlay + ": " + d.getMetadata().getName() + "/" + c.getName();
                assertTrue(c.getReadinessProbe() != null, who + " has no readiness probe");
                assertTrue(c.getLivenessProbe() != null, who + " has no liveness probe");
                assertTrue(c.getResources() != null && c.getResources().getRequests() != null
                        && c.getResources().getRequests().keySet().containsAll(Set.of("cpu", "memory")),
                        who + " requests no cpu and memory");
                assertTrue(c.getResources().getLimits() != null && c.getResources().getLimits().containsKey("memory"),
                        who + " has no memory limit");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldRunNoContainerAsRoot(String overlay) {
        for (Deployment d : Manifests.of(overlay).all(Deployment.class)) {
            PodSecurityContext pod = d.getSpec().getTemplate().getSpec().getSecurityContext();
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String who = overlay + ": " + d.getMetadata().getName() + "/" + c.getName();
                SecurityContext sc = c.getSecurityContext();
                Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
                        : pod == null ? null : pod.getRunAsNonRoot();
                Long user = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser()
                        : pod == null ? null : pod.getRunAsUser();
                assertEquals(Boolean.TRUE, nonRoot, who + " may run as root (runAsNonRoot)");
                assertFalse(user != null && user == 0, who + " runs as user 0");
                assertTrue(sc != null && Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()),
                        who + " may escalate privileges");
                assertTrue(sc != null && Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()),
                        who + " writes its root filesystem");
                assertTrue(sc != null && sc.getCapabilities() != null && sc.getCapabilities().getDrop().contains("ALL"),
                        who + " keeps Linux capabilities");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldSelectRunningPodsWithEveryServiceAndBudget(String overlay) {
        Manifests m = Manifests.of(overlay);
        Pods pods = Pods.of(m);
        for (Service s : m.all(Service.class)) {
            assertFalse(pods.selectedBy(s.getSpec().getSelector()).isEmpty(),
                    overlay + ": Service " + s.getMetadata().getName() + " selects no pod");
        }
        for (PodDisruptionBudget b : m.all(PodDisruptionBudget.class)) {
            assertFalse(pods.selectedBy(b.getSpec().getSelector()).isEmpty(),
                    overlay + ": PodDisruptionBudget " + b.getMetadata().getName() + " selects no pod");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldDenyByDefaultAndAllowOnlyBetweenPodsThatRun(String overlay) {
        Manifests m = Manifests.of(overlay);
        Pods pods = Pods.of(m);
        List<NetworkPolicy> policies = m.all(NetworkPolicy.class);
        assertTrue(policies.stream().anyMatch(p -> pods.selectedBy(p.getSpec().getPodSelector()).size() == pods.pods().size()
                && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty()),
                overlay + ": no NetworkPolicy denies all traffic by default");
        for (NetworkPolicy p : policies) {
            String name = overlay + ": NetworkPolicy " + p.getMetadata().getName();
            assertFalse(pods.selectedBy(p.getSpec().getPodSelector()).isEmpty(), name + " selects no pod");
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            p.getSpec().getIngress().forEach(r -> peers.addAll(r.getFrom()));
            p.getSpec().getEgress().forEach(r -> peers.addAll(r.getTo()));
            for (NetworkPolicyPeer peer : peers) {
                if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
                    assertFalse(pods.selectedBy(peer.getPodSelector()).isEmpty(),
                            name + " allows traffic with pods no one runs: " + peer.getPodSelector());
                }
            }
        }
        for (Deployment d : m.all(Deployment.class)) {
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            for (String direction : List.of("Ingress", "Egress")) {
                assertTrue(policies.stream().anyMatch(p -> Pods.matches(p.getSpec().getPodSelector(), labels)
                        && p.getSpec().getPolicyTypes().contains(direction)
                        && !(direction.equals("Ingress") ? p.getSpec().getIngress() : p.getSpec().getEgress()).isEmpty()),
                        overlay + ": no NetworkPolicy allows " + direction + " for " + d.getMetadata().getName());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldGiveEveryDeploymentItsOwnDisruptionBudget(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (Deployment d : m.all(Deployment.class)) {
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            List<String> budgets = m.all(PodDisruptionBudget.class).stream()
                    .filter(b -> Pods.matches(b.getSpec().getSelector(), labels))
                    .map(b -> b.getMetadata().getName()).toList();
            assertEquals(1, budgets.size(), overlay + ": Deployment " + d.getMetadata().getName()
                    + " is covered by " + budgets.size() + " disruption budgets " + budgets);
        }
        for (PodDisruptionBudget b : m.all(PodDisruptionBudget.class)) {
            long deployments = m.all(Deployment.class).stream()
                    .filter(d -> Pods.matches(b.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()))
                    .count();
            assertEquals(1, deployments, overlay + ": PodDisruptionBudget " + b.getMetadata().getName()
                    + " spans " + deployments + " Deployments");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/prod"})
    void shouldScaleEveryStatelessServiceWithItsLoad(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (Deployment d : m.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            if (STATEFUL.contains(name)) {
                continue;
            }
            assertTrue(d.getSpec().getReplicas() >= 2, overlay + ": " + name + " runs " + d.getSpec().getReplicas()
                    + " replica(s)");
            assertTrue(m.all(HorizontalPodAutoscaler.class).stream()
                    .anyMatch(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                            && name.equals(h.getSpec().getScaleTargetRef().getName())
                            && h.getSpec().getMinReplicas() >= 2),
                    overlay + ": no HorizontalPodAutoscaler (min ≥ 2) scales " + name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldLiveInItsOwnNamespace(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<Namespace> namespaces = m.all(Namespace.class);
        assertEquals(1, namespaces.size(), overlay + " must create exactly its own Namespace");
        String ns = namespaces.get(0).getMetadata().getName();
        for (HasMetadata o : m.objects()) {
            if (!(o instanceof Namespace)) {
                assertEquals(ns, o.getMetadata().getNamespace(), overlay + ": " + o.getKind() + " "
                        + o.getMetadata().getName() + " is outside the overlay's namespace");
            }
        }
        assertFalse(ns.equals(Manifests.of(overlay.endsWith("dev") ? "overlays/prod" : "overlays/dev")
                .all(Namespace.class).get(0).getMetadata().getName()), "dev and prod share a namespace");
    }

    /**
     * matching-service (issue 14 §1) runs in replicas that share enterprise.events' partitions: at least two in prod,
     * rolled one pod at a time without taking one away first, at most one taken by a voluntary disruption, and no more
     * replicas than the topic has partitions (the rest would stand idle). Not CPU-autoscaled (below).
     */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/prod"})
    void shouldRunMatchingServiceInRollingReplicasOverItsPartitions(String overlay) {
        Manifests m = Manifests.of(overlay);
        Deployment d = m.all(Deployment.class).stream().filter(x -> "matching-service".equals(x.getMetadata().getName()))
                .findFirst().orElseThrow();
        int replicas = d.getSpec().getReplicas();
        assertTrue(replicas >= 2, overlay + ": matching-service runs " + replicas + " replica(s)");
        assertEquals("RollingUpdate", d.getSpec().getStrategy().getType());
        assertEquals(0, d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
        PodDisruptionBudget budget = m.all(PodDisruptionBudget.class).stream()
                .filter(b -> Pods.matches(b.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()))
                .findFirst().orElseThrow();
        assertEquals(1, budget.getSpec().getMaxUnavailable().getIntVal(), "at most one matching-service pod at a time");
        int partitions = m.all(io.strimzi.api.kafka.model.topic.KafkaTopic.class).stream()
                .filter(t -> "enterprise.events".equals(t.getSpec().getTopicName())).findFirst().orElseThrow()
                .getSpec().getPartitions();
        assertTrue(replicas <= partitions, overlay + ": " + replicas + " replicas over " + partitions + " partitions");
    }

    /**
     * In prod every application's pods are spread over nodes (a hard rule) and zones (a soft one), each constraint
     * counting only the pods of its own application: the finmatch-wide selector narrowed by {@code matchLabelKeys}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/prod"})
    void shouldSpreadEveryDeploymentOverNodesInProd(String overlay) {
        List<Deployment> deployments = Manifests.of(overlay).all(Deployment.class);
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            Map<String, String> own = d.getSpec().getTemplate().getMetadata().getLabels();
            TopologySpreadConstraint nodes = spread(d, "kubernetes.io/hostname");
            assertTrue(nodes != null, overlay + ": " + name + " is not spread over nodes");
            assertTrue(spread(d, "topology.kubernetes.io/zone") != null, overlay + ": " + name + " is not spread over zones");
            assertEquals("DoNotSchedule", nodes.getWhenUnsatisfiable(), overlay + ": " + name);
            assertTrue(Pods.matches(nodes.getLabelSelector(), own), overlay + ": " + name + "'s spread counts no pod of its own");
            List<String> keys = nodes.getMatchLabelKeys() == null ? List.of() : nodes.getMatchLabelKeys();
            for (Deployment other : deployments) {
                Map<String, String> theirs = other.getSpec().getTemplate().getMetadata().getLabels();
                boolean counted = Pods.matches(nodes.getLabelSelector(), theirs)
                        && keys.stream().filter(own::containsKey).allMatch(k -> own.get(k).equals(theirs.get(k)));
                assertEquals(other == d, counted, overlay + ": " + name + "'s spread counts the pods of "
                        + other.getMetadata().getName());
            }
        }
    }

    private static TopologySpreadConstraint spread(Deployment d, String topologyKey) {
        List<TopologySpreadConstraint> all = d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
        return all == null ? null : all.stream().filter(c -> topologyKey.equals(c.getTopologyKey())).findFirst().orElse(null);
    }

    /** Scaled by hand over its partitions, not with its CPU (see above). */
    private static final Set<String> STATEFUL = Set.of("matching-service");
}
