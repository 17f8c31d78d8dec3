/*
 * The content owners' public keys that ship with the app (docs/content-packs.md): a pack signed
 * by any of them is trusted on every kiosk; IT's policy may add more (`contentPacks.trustedKeys`),
 * so that a new key can be rolled out before the old one is retired. Each line is what
 * `npm run content:keygen` prints: `ed25519:<base64>`. The private keys never enter this
 * repository.
 *
 * Empty until the content owners make the release key: until then only keys from IT's policy
 * are trusted, and a kiosk without them takes no pack (the bundled content serves).
 */
export const BUNDLED_PACK_KEYS: readonly string[] = [];
