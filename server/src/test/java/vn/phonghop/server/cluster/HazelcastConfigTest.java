package vn.phonghop.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.server.config.Config;

/** The Hazelcast configuration a node builds from its environment: never multicast, never phone-home. */
class HazelcastConfigTest {
    private static final Map<String, String> POSTGRES = Map.of("DB_URL", "jdbc:postgresql://127.0.0.1:5432/phonghop");

    @Test
    @DisplayName("CLUSTER_MEMBERS: TCP-IP join to exactly those members, bound to the node's interface and port")
    void tcp_ip_members() {
        var env = new java.util.HashMap<>(POSTGRES);
        env.putAll(Map.of("CLUSTER_MEMBERS", "127.0.0.1:5801,127.0.0.1:5802", "CLUSTER_PORT", "5801", "CLUSTER_NAME", "hoi-nghi"));
        var config = Config.from(env);
        assertTrue(config.clustered());
        var hz = Cluster.hazelcast(config, "127.0.0.1");
        var join = hz.getNetworkConfig().getJoin();
        assertEquals("hoi-nghi", hz.getClusterName());
        assertTrue(join.getTcpIpConfig().isEnabled());
        assertEquals(List.of("127.0.0.1:5801", "127.0.0.1:5802"), join.getTcpIpConfig().getMembers());
        assertFalse(join.getMulticastConfig().isEnabled());
        assertFalse(join.getAutoDetectionConfig().isEnabled());
        assertFalse(join.getKubernetesConfig().isEnabled());
        assertEquals(5801, hz.getNetworkConfig().getPort());
        assertFalse(hz.getNetworkConfig().isPortAutoIncrement());
        assertEquals(List.of("127.0.0.1"), List.copyOf(hz.getNetworkConfig().getInterfaces().getInterfaces()));
        assertEquals("false", hz.getProperty("hazelcast.phone.home.enabled"));
    }

    @Test
    @DisplayName("CLUSTER_KUBERNETES_SERVICE_DNS: Kubernetes discovery by DNS lookup of the headless service, no TCP-IP list")
    void kubernetes_dns() {
        var env = new java.util.HashMap<>(POSTGRES);
        env.put("CLUSTER_KUBERNETES_SERVICE_DNS", "phonghop-hazelcast.phonghop.svc.cluster.local");
        var config = Config.from(env);
        assertTrue(config.clustered(), "Kubernetes discovery alone makes a cluster");
        var join = Cluster.hazelcast(config, "10.1.2.3").getNetworkConfig().getJoin();
        assertTrue(join.getKubernetesConfig().isEnabled());
        assertEquals("phonghop-hazelcast.phonghop.svc.cluster.local", join.getKubernetesConfig().getProperty("service-dns"));
        assertFalse(join.getTcpIpConfig().isEnabled());
        assertFalse(join.getMulticastConfig().isEnabled());
    }
}
