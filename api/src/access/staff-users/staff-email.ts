/** Emails are compared and stored in lower case, without surrounding spaces. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** A deliberately loose shape check (one @, a dot in the domain, no spaces); the mailbox may still not exist. */
export const isPlausibleEmail = (email: string): boolean => email.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from clients and tokens; checking the shape first keeps PostgreSQL from raising a uuid cast error. */
export const isUuid = (value: string): boolean => UUID.test(value);
