package smoke;

import java.util.List;
import java.util.Map;

import io.github.cdk8snetpol.AllowFrom;
import io.github.cdk8snetpol.MonitoringPort;
import io.github.cdk8snetpol.NamespaceBaseline;
import io.github.cdk8snetpol.Namespaces;
import io.github.cdk8snetpol.Pods;
import io.github.cdk8snetpol.Port;
import org.cdk8s.ApiObjectMetadata;
import org.cdk8s.App;
import org.cdk8s.Chart;
import org.cdk8s.ChartProps;
import org.cdk8s.plus28.ContainerProps;
import org.cdk8s.plus28.Deployment;
import software.constructs.Construct;

/** The app of test/languages/app.ts, written with the Java binding. */
final class ShopApp {
    private ShopApp() {
    }

    static App build() {
        App app = new App();
        Chart frontend = new Chart(app, "frontend", ChartProps.builder().namespace("frontend").build());
        Chart shop = new Chart(app, "shop", ChartProps.builder().namespace("shop").build());
        new NamespaceBaseline(frontend, "baseline");
        new NamespaceBaseline(shop, "baseline");
        Deployment gateway = deployment(frontend, "gateway");
        deployment(shop, "web");
        Deployment api = deployment(shop, "api");
        AllowFrom.Builder.create(shop, "gateway-to-api")
            .destinations(Pods.of(api))
            .sources(List.of(Pods.of(gateway)))
            .ports(List.of(Port.tcp(8080)))
            .build();
        MonitoringPort.Builder.create(shop, "metrics")
            .pods(Pods.of(api))
            .port(Port.tcp(9100))
            .scrapers(List.of(Pods.labelled(Map.of("app", "prometheus")).inNamespaces(Namespaces.named("monitoring"))))
            .build();
        return app;
    }

    private static Deployment deployment(Construct chart, String name) {
        return Deployment.Builder.create(chart, name)
            .metadata(ApiObjectMetadata.builder().name(name).build())
            .containers(List.of(ContainerProps.builder().image("example/" + name).portNumber(8080).build()))
            .build();
    }
}
