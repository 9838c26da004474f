// Types of the `cdk8s-netpol/jest` entry point (the `toAllow` / `toDeny` matchers).
export * from './lib/jest';
