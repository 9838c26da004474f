// What bin/cdk8s-netpol does, on the freshly compiled sources: run the CLI with the process's arguments.
// With BENCH_RSS_FILE set, the process's peak RSS (KiB) is written there when it exits.
import * as fs from 'fs';
import { mainAsync } from '../src/cli/main';

const rssFile = process.env.BENCH_RSS_FILE;
if (rssFile) process.on('exit', () => fs.writeFileSync(rssFile, String(process.resourceUsage().maxRSS)));
void mainAsync(process.argv.slice(2)).then((code) => { process.exitCode = code; });
