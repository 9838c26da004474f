package smoke

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-netpol/cdk8s-netpol-go/cdk8snetpol"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
)

type answer struct {
	Allowed     bool   `json:"allowed"`
	Explanation string `json:"explanation"`
}

func fixture(t *testing.T, name string) string {
	t.Helper()
	content, err := os.ReadFile(filepath.Join("..", "fixture", name))
	if err != nil {
		t.Fatalf("reading the fixture: %v", err)
	}
	return string(content)
}

// panicMessage runs f and returns what it panicked with ("" when it did not).
func panicMessage(f func()) (message string) {
	defer func() {
		if r := recover(); r != nil {
			message = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

func reachability() cdk8snetpol.Reachability {
	return cdk8snetpol.Reachability_Of(BuildApp(), nil).AddWorkload(&cdk8snetpol.WorkloadDeclaration{
		NamespaceName: jsii.String("monitoring"),
		Name:          jsii.String("prometheus"),
		Labels:        &map[string]*string{"app": jsii.String("prometheus")},
	})
}

func TestSynthesizesTheSameYamlAsTypeScript(t *testing.T) {
	if got, want := *BuildApp().SynthYaml(), fixture(t, "app.k8s.yaml"); got != want {
		t.Errorf("the YAML differs from the TypeScript app's:\n--- got\n%s\n--- want\n%s", got, want)
	}
}

func TestVerdictsMatchTypeScript(t *testing.T) {
	var answers map[string]answer
	if err := json.Unmarshal([]byte(fixture(t, "verdicts.json")), &answers); err != nil {
		t.Fatal(err)
	}
	reach := reachability()
	for _, q := range []struct {
		question, source, destination string
		port                          float64
	}{
		{"gateway-to-api", "frontend/gateway", "shop/api", 8080},
		{"web-to-api", "shop/web", "shop/api", 8080},
		{"prometheus-to-api", "monitoring/prometheus", "shop/api", 9100},
	} {
		want := answers[q.question]
		source, destination := cdk8snetpol.Endpoint_Workload(jsii.String(q.source)), cdk8snetpol.Endpoint_Workload(jsii.String(q.destination))
		verdict := reach.Verdict(source, destination, cdk8snetpol.Port_Tcp(jsii.Number(q.port)))
		if *verdict.Allowed != want.Allowed || *verdict.Denied == want.Allowed {
			t.Errorf("%s: allowed=%v denied=%v, want allowed=%v", q.question, *verdict.Allowed, *verdict.Denied, want.Allowed)
		}
		if *verdict.Explanation != want.Explanation {
			t.Errorf("%s: explanation\n%s\nwant\n%s", q.question, *verdict.Explanation, want.Explanation)
		}
	}
}

func TestAssertionsBothWays(t *testing.T) {
	reach := reachability()
	gateway, web, api := cdk8snetpol.Endpoint_Workload(jsii.String("frontend/gateway")),
		cdk8snetpol.Endpoint_Workload(jsii.String("shop/web")), cdk8snetpol.Endpoint_Workload(jsii.String("shop/api"))
	port := cdk8snetpol.Port_Tcp(jsii.Number(8080))
	if message := panicMessage(func() { reach.AssertAllowed(gateway, api, port) }); message != "" {
		t.Errorf("gateway -> api should be allowed: %s", message)
	}
	if message := panicMessage(func() { reach.AssertDenied(web, api, port) }); message != "" {
		t.Errorf("web -> api should be denied: %s", message)
	}
	message := panicMessage(func() { reach.AssertAllowed(web, api, port) })
	var answers map[string]answer
	if err := json.Unmarshal([]byte(fixture(t, "verdicts.json")), &answers); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(message, answers["web-to-api"].Explanation) {
		t.Errorf("a failed assertion should carry the explanation, got %q", message)
	}
}

func TestValidationErrorPanicsWithTheSameMessage(t *testing.T) {
	shop := cdk8s.NewChart(cdk8s.NewApp(nil), jsii.String("shop"), &cdk8s.ChartProps{Namespace: jsii.String("shop")})
	message := panicMessage(func() {
		cdk8snetpol.NewAllowFrom(shop, jsii.String("nobody"), &cdk8snetpol.AllowFromProps{
			Destinations: cdk8snetpol.Pods_Labelled(&map[string]*string{"app": jsii.String("api")}),
			Sources:      &[]cdk8snetpol.IPeer{},
		})
	})
	if want := strings.TrimSuffix(fixture(t, "validation-error.txt"), "\n"); message != want {
		t.Errorf("validation error\n%q\nwant\n%q", message, want)
	}
}
