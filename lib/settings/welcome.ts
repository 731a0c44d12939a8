/**
 * Whether the background opens the welcome page after the browser installs
 * or updates the extension: once, on a fresh install, never on an update (the
 * user has seen it) or a browser update. The end-to-end build never opens
 * it, because every test starts from a fresh install and expects only the
 * tabs it opened itself (tests/e2e/welcome-options.spec.ts opens it by hand).
 */
export function shouldOpenWelcome(details: { reason: string }, buildMode: string): boolean {
  return details.reason === 'install' && buildMode !== 'e2e';
}
