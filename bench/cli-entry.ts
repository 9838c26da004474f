// What bin/cdk8s-netpol does, on the freshly compiled sources: run the CLI with the process's arguments.
import { main } from '../src/cli/main';

process.exitCode = main(process.argv.slice(2));
