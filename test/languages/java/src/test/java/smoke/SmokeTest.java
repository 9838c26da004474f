package smoke;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cdk8snetpol.AllowFrom;
import io.github.cdk8snetpol.Endpoint;
import io.github.cdk8snetpol.Pods;
import io.github.cdk8snetpol.Port;
import io.github.cdk8snetpol.Reachability;
import io.github.cdk8snetpol.ReachabilityVerdict;
import io.github.cdk8snetpol.WorkloadDeclaration;
import org.cdk8s.App;
import org.cdk8s.Chart;
import org.cdk8s.ChartProps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SmokeTest {
    private static final Path FIXTURE = Path.of("..", "fixture");

    private static String fixture(String name) throws IOException {
        return Files.readString(FIXTURE.resolve(name));
    }

    /** One answer of verdicts.json, read without a JSON library: {"allowed": bool, "explanation": "..."}. */
    private static String[] expected(String question) throws IOException {
        Matcher m = Pattern.compile("\"" + Pattern.quote(question)
            + "\": \\{\\s*\"allowed\": (true|false),\\s*\"explanation\": \"((?:[^\"\\\\]|\\\\.)*+)\"").matcher(fixture("verdicts.json"));
        assertTrue(m.find(), "no answer for " + question + " in verdicts.json");
        return new String[] {m.group(1), m.group(2).replace("\\n", "\n").replace("\\\"", "\"")};
    }

    /** The JavaScript error's message: for a constructor, the jsii runtime appends the JavaScript stack after it. */
    private static String messageOf(RuntimeException error) {
        return error.getMessage().split("\nError: ", 2)[0];
    }

    private static Reachability reachability() {
        return Reachability.of(ShopApp.build()).addWorkload(WorkloadDeclaration.builder()
            .namespaceName("monitoring").name("prometheus").labels(Map.of("app", "prometheus")).build());
    }

    @Test
    void synthesizesTheSameYamlAsTypeScript() throws IOException {
        assertEquals(fixture("app.k8s.yaml"), ShopApp.build().synthYaml());
    }

    @ParameterizedTest
    @CsvSource({
        "gateway-to-api, frontend/gateway, shop/api, 8080",
        "web-to-api, shop/web, shop/api, 8080",
        "prometheus-to-api, monitoring/prometheus, shop/api, 9100",
    })
    void verdictsMatchTypeScript(String question, String source, String destination, int port) throws IOException {
        String[] want = expected(question);
        ReachabilityVerdict verdict = reachability().verdict(Endpoint.workload(source), Endpoint.workload(destination), Port.tcp(port));
        assertEquals(Boolean.parseBoolean(want[0]), verdict.getAllowed());
        assertEquals(!Boolean.parseBoolean(want[0]), verdict.getDenied());
        assertEquals(want[1], verdict.getExplanation());
    }

    @Test
    void assertionsBothWays() throws IOException {
        Reachability reach = reachability();
        Endpoint gateway = Endpoint.workload("frontend/gateway");
        Endpoint web = Endpoint.workload("shop/web");
        Endpoint api = Endpoint.workload("shop/api");
        assertDoesNotThrow(() -> reach.assertAllowed(gateway, api, Port.tcp(8080)));
        assertDoesNotThrow(() -> reach.assertDenied(web, api, Port.tcp(8080)));
        RuntimeException failed = assertThrows(RuntimeException.class, () -> reach.assertAllowed(web, api, Port.tcp(8080)));
        assertTrue(failed.getMessage().contains("Expected the connection to be allowed, but it is denied.\n" + expected("web-to-api")[1]),
            failed.getMessage());
    }

    @Test
    void validationErrorIsAJavaExceptionWithTheSameMessage() throws IOException {
        Chart shop = new Chart(new App(), "shop", ChartProps.builder().namespace("shop").build());
        RuntimeException error = assertThrows(RuntimeException.class, () -> AllowFrom.Builder.create(shop, "nobody")
            .destinations(Pods.labelled(Map.of("app", "api")))
            .sources(List.of())
            .build());
        assertEquals(fixture("validation-error.txt").stripTrailing(), messageOf(error));
    }
}
