"""The Python binding against the fixture the TypeScript version of the same app writes (test/languages/fixture)."""
import json
from pathlib import Path

import pytest
from cdk8s import App, Chart
from cdk8s_netpol import AllowFrom, Endpoint, Pods, Port, Reachability

from quickstart import build_app, check_reachability

FIXTURE = Path(__file__).resolve().parent.parent / "fixture"


def fixture(name: str) -> str:
    return (FIXTURE / name).read_text()


def test_synthesizes_the_same_yaml_as_typescript():
    assert build_app().synth_yaml() == fixture("app.k8s.yaml")


def test_quick_start_assertions_pass():
    reach = check_reachability(build_app())
    assert "frontend/gateway[Deployment]" in reach.workloads()


@pytest.mark.parametrize("question,source,destination,port", [
    ("gateway-to-api", "frontend/gateway", "shop/api", 8080),
    ("web-to-api", "shop/web", "shop/api", 8080),
    ("prometheus-to-api", "monitoring/prometheus", "shop/api", 9100),
])
def test_verdicts_match_typescript(question, source, destination, port):
    expected = json.loads(fixture("verdicts.json"))[question]
    reach = Reachability.of(build_app()).add_workload(
        namespace_name="monitoring", name="prometheus", labels={"app": "prometheus"})
    verdict = reach.verdict(Endpoint.workload(source), Endpoint.workload(destination), Port.tcp(port))
    assert verdict.allowed is expected["allowed"]
    assert verdict.denied is (not expected["allowed"])
    assert verdict.explanation == expected["explanation"]
    assert reach.is_allowed(Endpoint.workload(source), Endpoint.workload(destination), Port.tcp(port)) is expected["allowed"]


def test_a_failed_assertion_raises_with_the_explanation():
    reach = Reachability.of(build_app())
    with pytest.raises(RuntimeError) as raised:
        reach.assert_allowed(Endpoint.workload("shop/web"), Endpoint.workload("shop/api"), Port.tcp(8080))
    assert json.loads(fixture("verdicts.json"))["web-to-api"]["explanation"] in str(raised.value)


def test_validation_error_is_a_python_exception_with_the_same_message():
    shop = Chart(App(), "shop", namespace="shop")
    with pytest.raises(RuntimeError) as raised:
        AllowFrom(shop, "nobody", destinations=Pods.labelled({"app": "api"}), sources=[])
    assert str(raised.value) == fixture("validation-error.txt").rstrip("\n")
