import { LABEL_MAX_LENGTH, labelKeyErrors, labelValueErrors } from './labels';
import {
  DNS1123_LABEL_MAX_LENGTH,
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
} from './names';

/**
 * Fix hints for names, label keys and label values: the rule in plain words plus, when
 * one can be derived, a corrected version of the value that passes the rule.
 */

function trimToAlphanumeric(s: string): string {
  return s.replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z0-9]+$/, '');
}

function shorten(s: string, max: number): string {
  return trimToAlphanumeric(s.slice(0, max));
}

function suggestion(candidate: string, original: string, stillInvalid: (s: string) => boolean): string {
  if (!candidate || candidate === original || stillInvalid(candidate)) return '';
  return `, e.g. ${JSON.stringify(candidate)}`;
}

function labelValueCandidate(value: string): string {
  return shorten(trimToAlphanumeric(value.replace(/[^-A-Za-z0-9_.]+/g, '-')), LABEL_MAX_LENGTH);
}

function subdomainCandidate(name: string, max: number): string {
  const cleaned = name.toLowerCase().replace(/[^-a-z0-9.]+/g, '-').replace(/\.{2,}/g, '.').replace(/-*\.-*/g, '.');
  return shorten(trimToAlphanumeric(cleaned), max);
}

/** Fix for a label value that breaks the value rule. */
export function labelValueFix(value: string): string {
  const hint = suggestion(labelValueCandidate(value), value, (s) => labelValueErrors(s).length > 0);
  return `a label value is empty or up to 63 letters, digits, "-", "_" or "." that starts and ends with a letter or digit${hint || ', e.g. "web"'}`;
}

/** Fix for a label key that breaks the key rule. */
export function labelKeyFix(key: string): string {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? '' : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1).replace(/\//g, '-');
  const prefixCandidate = prefix ? subdomainCandidate(prefix, DNS1123_SUBDOMAIN_MAX_LENGTH) : '';
  const candidate = `${prefixCandidate ? `${prefixCandidate}/` : ''}${labelValueCandidate(name)}`;
  const hint = suggestion(candidate, key, (s) => labelKeyErrors(s).length > 0);
  return `a label key is an optional lower-case DNS prefix and "/", then a name of up to 63 letters, digits, "-", "_" or "." that starts and ends with a letter or digit${hint || ', e.g. "app" or "example.com/tier"'}`;
}

/** Fix for an object name (a DNS-1123 subdomain). */
export function objectNameFix(name: string): string {
  const hint = suggestion(subdomainCandidate(name, DNS1123_SUBDOMAIN_MAX_LENGTH), name, (s) => dns1123SubdomainErrors(s).length > 0);
  return `use lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters${hint || ', e.g. "allow-web"'}`;
}

/** Fix for a namespace name (a DNS-1123 label). */
export function namespaceFix(namespace: string): string {
  const candidate = shorten(subdomainCandidate(namespace, DNS1123_SUBDOMAIN_MAX_LENGTH).replace(/\./g, '-'), DNS1123_LABEL_MAX_LENGTH);
  const hint = suggestion(candidate, namespace, (s) => dns1123LabelErrors(s).length > 0);
  return `use lower-case letters, digits and "-" (no dots), starting and ending with a letter or digit, at most 63 characters${hint || ', e.g. "team-a"'}`;
}
