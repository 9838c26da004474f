// Package smoke writes the app of test/languages/app.ts with the Go binding.
package smoke

import (
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-netpol/cdk8s-netpol-go/cdk8snetpol"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
	"github.com/cdk8s-team/cdk8s-plus-go/cdk8splus28/v2"
)

func deployment(chart constructs.Construct, name string) cdk8splus28.Deployment {
	return cdk8splus28.NewDeployment(chart, jsii.String(name), &cdk8splus28.DeploymentProps{
		Metadata: &cdk8s.ApiObjectMetadata{Name: jsii.String(name)},
		Containers: &[]*cdk8splus28.ContainerProps{
			{Image: jsii.String("example/" + name), PortNumber: jsii.Number(8080)},
		},
	})
}

// BuildApp is the shared app: two baselines, the gateway reaching the api across namespaces, the api's metrics port.
func BuildApp() cdk8s.App {
	app := cdk8s.NewApp(nil)
	frontend := cdk8s.NewChart(app, jsii.String("frontend"), &cdk8s.ChartProps{Namespace: jsii.String("frontend")})
	shop := cdk8s.NewChart(app, jsii.String("shop"), &cdk8s.ChartProps{Namespace: jsii.String("shop")})
	cdk8snetpol.NewNamespaceBaseline(frontend, jsii.String("baseline"), nil)
	cdk8snetpol.NewNamespaceBaseline(shop, jsii.String("baseline"), nil)
	gateway := deployment(frontend, "gateway")
	deployment(shop, "web")
	api := deployment(shop, "api")
	cdk8snetpol.NewAllowFrom(shop, jsii.String("gateway-to-api"), &cdk8snetpol.AllowFromProps{
		Destinations: cdk8snetpol.Pods_Of(api),
		Sources:      &[]cdk8snetpol.IPeer{cdk8snetpol.Pods_Of(gateway)},
		Ports:        &[]cdk8snetpol.Port{cdk8snetpol.Port_Tcp(jsii.Number(8080))},
	})
	prometheus := cdk8snetpol.Pods_Labelled(&map[string]*string{"app": jsii.String("prometheus")})
	cdk8snetpol.NewMonitoringPort(shop, jsii.String("metrics"), &cdk8snetpol.MonitoringPortProps{
		Pods:     cdk8snetpol.Pods_Of(api),
		Port:     cdk8snetpol.Port_Tcp(jsii.Number(9100)),
		Scrapers: &[]cdk8snetpol.IPeer{prometheus.InNamespaces(cdk8snetpol.Namespaces_Named(jsii.String("monitoring")))},
	})
	return app
}
