import { EMPTY_ERROR, maxBytesError, maxLengthError, regexError } from './messages';
import { DNS1123_SUBDOMAIN_MAX_LENGTH, dns1123SubdomainErrors } from './names';

const NAME_FORMAT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const NAME = new RegExp(`^${NAME_FORMAT}$`);
const VALUE_FORMAT = `(${NAME_FORMAT})?`;
const VALUE = new RegExp(`^${VALUE_FORMAT}$`);

/** Longest name part of a label key, and longest label value (bytes). */
export const LABEL_MAX_LENGTH = 63;

const NAME_MESSAGE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/**
 * Label keys are checked by apimachinery's `content` package (v0.35+), whose length
 * message counts bytes, also for the DNS-subdomain prefix; object names still say characters.
 */
function inBytes(message: string): string {
  return message === maxLengthError(DNS1123_SUBDOMAIN_MAX_LENGTH) ? maxBytesError(DNS1123_SUBDOMAIN_MAX_LENGTH) : message;
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * Label-key rule (apimachinery v0.35+ wording): an optional DNS-1123 subdomain prefix and
 * `/`, then a name of at most 63 bytes. Every failing part is reported. Empty when valid.
 */
export function labelKeyErrors(key: string): string[] {
  const errors: string[] = [];
  const parts = key.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errors.push(`prefix part ${EMPTY_ERROR}`);
    else errors.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${inBytes(m)}`));
  } else {
    return [
      `a valid label key ${regexError(NAME_MESSAGE, NAME_FORMAT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }

  if (name.length === 0) errors.push(`name part ${EMPTY_ERROR}`);
  else if (byteLength(name) > LABEL_MAX_LENGTH) errors.push(`name part ${maxBytesError(LABEL_MAX_LENGTH)}`);
  if (!NAME.test(name)) errors.push(`name part ${regexError(NAME_MESSAGE, NAME_FORMAT, 'MyName', 'my.name', '123-abc')}`);
  return errors;
}

/** Label-value rule: empty, or at most 63 bytes of `[-A-Za-z0-9_.]` starting and ending alphanumeric. */
export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > LABEL_MAX_LENGTH) errors.push(maxBytesError(LABEL_MAX_LENGTH));
  if (!VALUE.test(value)) errors.push(regexError(VALUE_MESSAGE, VALUE_FORMAT, 'MyValue', 'my_value', '12345'));
  return errors;
}
