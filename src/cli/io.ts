/** Where a command writes. Injected so that tests run the CLI in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  /** `isTTY` (a terminal) turns the progress line of long runs on. */
  readonly stderr: { readonly isTTY?: boolean; write(text: string): unknown };
}

/** Exit codes shared by every command. */
export enum ExitCode {
  /** Valid input; for `explain`, the connection is allowed. */
  OK = 0,
  /** The input was read but fails the check: an invalid policy, or a denied connection. */
  FINDINGS = 1,
  /** Bad usage or input that could not be read; nothing trustworthy was computed from it. */
  BAD_INPUT = 2,
}
