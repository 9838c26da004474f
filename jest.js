// The `cdk8s-netpol/jest` entry point: registers the reachability matchers on jest's `expect`.
module.exports = require('./lib/jest');
