import { maxLengthError, regexError } from './messages';

const DNS1123_LABEL_FORMAT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FORMAT = `${DNS1123_LABEL_FORMAT}(\\.${DNS1123_LABEL_FORMAT})*`;
const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FORMAT}$`);
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FORMAT}$`);

/** Longest DNS-1123 label (namespace names). */
export const DNS1123_LABEL_MAX_LENGTH = 63;
/** Longest DNS-1123 subdomain (object names). */
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

/** Go's `len()` counts bytes, whatever the message says. */
function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** `IsDNS1123Label`: the rule for namespace names. Empty when valid. */
export function dns1123LabelErrors(v: string): string[] {
  const errors: string[] = [];
  if (byteLength(v) > DNS1123_LABEL_MAX_LENGTH) errors.push(maxLengthError(DNS1123_LABEL_MAX_LENGTH));
  if (!DNS1123_LABEL.test(v)) {
    // A valid subdomain that is not a label can only be one with dots (length was checked above).
    errors.push(
      DNS1123_SUBDOMAIN.test(v)
        ? 'must not contain dots'
        : regexError(LABEL_MESSAGE, DNS1123_LABEL_FORMAT, 'my-name', '123-abc'),
    );
  }
  return errors;
}

/** `IsDNS1123Subdomain`: the rule for object names and label-key prefixes. Empty when valid. */
export function dns1123SubdomainErrors(v: string): string[] {
  const errors: string[] = [];
  if (byteLength(v) > DNS1123_SUBDOMAIN_MAX_LENGTH) errors.push(maxLengthError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!DNS1123_SUBDOMAIN.test(v)) errors.push(regexError(SUBDOMAIN_MESSAGE, DNS1123_SUBDOMAIN_FORMAT, 'example.com'));
  return errors;
}

/**
 * `NameIsDNSSubdomain(name, prefix)`: with `prefix` (a `generateName`), a trailing `-`
 * is tolerated because the server appends a random suffix.
 */
export function objectNameErrors(name: string, isGenerateName: boolean): string[] {
  // apimachinery's maskTrailingDash replaces the last TWO characters with "a"
  // (`name[:len(name)-2] + "a"`); mirrored as is so the same names pass.
  const checked = isGenerateName && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
  return dns1123SubdomainErrors(checked);
}
