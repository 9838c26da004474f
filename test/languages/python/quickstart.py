from cdk8s import ApiObjectMetadata, App, Chart
import cdk8s_plus_28 as kplus
from cdk8s_netpol import (
    AllowFrom, Endpoint, MonitoringPort, NamespaceBaseline, Namespaces, Pods, Port, Reachability,
)


def build_app() -> App:
    app = App()
    frontend = Chart(app, "frontend", namespace="frontend")
    shop = Chart(app, "shop", namespace="shop")
    NamespaceBaseline(frontend, "baseline")  # deny all, then allow DNS
    NamespaceBaseline(shop, "baseline")
    gateway = kplus.Deployment(frontend, "gateway", metadata=ApiObjectMetadata(name="gateway"),
                               containers=[kplus.ContainerProps(image="example/gateway", port_number=8080)])
    kplus.Deployment(shop, "web", metadata=ApiObjectMetadata(name="web"),
                     containers=[kplus.ContainerProps(image="example/web", port_number=8080)])
    api = kplus.Deployment(shop, "api", metadata=ApiObjectMetadata(name="api"),
                           containers=[kplus.ContainerProps(image="example/api", port_number=8080)])
    # The api accepts the gateway, and the gateway may send to the api (both ends by default).
    AllowFrom(shop, "gateway-to-api", destinations=Pods.of(api), sources=[Pods.of(gateway)],
              ports=[Port.tcp(8080)])
    MonitoringPort(shop, "metrics", pods=Pods.of(api), port=Port.tcp(9100),
                   scrapers=[Pods.labelled({"app": "prometheus"}).in_namespaces(Namespaces.named("monitoring"))])
    return app


def check_reachability(app: App) -> Reachability:
    reach = Reachability.of(app).add_workload(
        namespace_name="monitoring", name="prometheus", labels={"app": "prometheus"})
    reach.assert_allowed(Endpoint.workload("frontend/gateway"), Endpoint.workload("shop/api"), Port.tcp(8080))
    reach.assert_denied(Endpoint.workload("shop/web"), Endpoint.workload("shop/api"), Port.tcp(8080))
    reach.assert_allowed(Endpoint.workload("monitoring/prometheus"), Endpoint.workload("shop/api"), Port.tcp(9100))
    return reach
