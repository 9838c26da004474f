import { CliIo } from '../../src/cli/io';
import { main, mainAsync } from '../../src/cli/main';

/** What one in-process run of the CLI printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Streams for a command function that keep what was written. */
export function captureIo(): { io: CliIo; out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: { write: (s: string) => { stdout += s; return true; } }, stderr: { write: (s: string) => { stderr += s; return true; } } },
    out: () => stdout,
    err: () => stderr,
  };
}

/** Runs the CLI in-process with captured streams. */
export function runCli(...args: string[]): CliRun {
  const { io, out, err } = captureIo();
  const code = main(args, io);
  return { code, stdout: out(), stderr: err() };
}

/** Runs the CLI in-process through the asynchronous entry point, which the picture formats need. */
export async function runCliAsync(...args: string[]): Promise<CliRun> {
  const { io, out, err } = captureIo();
  const code = await mainAsync(args, io);
  return { code, stdout: out(), stderr: err() };
}
