/** Limits of the media API, set once from the hub configuration (see config.ts: mediaApi). */
export interface MediaApiSettings {
  anonymousPerMinute: number;
  defaultKeyPerMinute: number;
}

let settings: MediaApiSettings = { anonymousPerMinute: 60, defaultKeyPerMinute: 600 };

export function configureMediaApi(next: Partial<MediaApiSettings> | undefined): void {
  settings = { ...settings, ...next };
}

export const mediaApiSettings = (): MediaApiSettings => settings;
