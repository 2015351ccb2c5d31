/**
 * The revision of the cookie policy a visitor is asked to consent to. It rises when the
 * published platform policy's cookie section changes, so the consent manager asks again.
 * The policies module provides it; the cookie-consent module reads it.
 */
export abstract class CookiePolicyRevision {
  abstract current(): Promise<number>;
}
