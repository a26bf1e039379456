/** Builds the bundle of a CLI command when missing or stale (see launch.mjs); resolves to its module's path. */
export function ensureBundle(command: 'score'): Promise<string>;
