/** The kind of place a kiosk stands in: a bank branch or a police station. */
export type Place = 'bank' | 'police';
export const PLACES: readonly Place[] = ['bank', 'police'];
