// What bin/cdk8s-netpol does, on the freshly compiled sources: run the CLI with the process's arguments.
import { mainAsync } from '../src/cli/main';

void mainAsync(process.argv.slice(2)).then((code) => { process.exitCode = code; });
