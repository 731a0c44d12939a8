import { readNewestClips } from '../../lib/db/first-rows';

/**
 * Loaded before the library's main script: starts reading the newest clips
 * while the rest of the page's code downloads and starts. Only for the list
 * (no #route), where the first rows are what the user waits for.
 */
const onList = !location.hash || location.hash === '#';
Object.assign(globalThis, { hcFirstRows: onList ? readNewestClips(30) : undefined });
