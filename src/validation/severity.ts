/** How serious a finding is, for validation problems and lint findings alike. */
export enum Severity {
  /** The API server would reject the object; a lint finding at this level fails synthesis and makes the CLI exit with 1. */
  ERROR = 'error',
  /** Accepted (the API server may return a warning); printed, but does not fail. */
  WARNING = 'warning',
  /** Worth knowing; printed only when asked for. */
  INFO = 'info',
}
