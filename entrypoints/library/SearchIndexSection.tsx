import { useEffect, useState } from 'preact/hooks';
import type { SearchProgress } from '../../lib/db/library-search';
import { getSearchClient } from './search-client';

const nf = new Intl.NumberFormat('en-GB');

/** Settings: how the search index is doing, and a way to build it again if search ever seems wrong. */
export function SearchIndexSection() {
  const [progress, setProgress] = useState<SearchProgress | undefined>();
  useEffect(() => getSearchClient().onProgress(setProgress), []);
  const building = progress?.state === 'building';
  return (
    <section class="hc-panel" aria-labelledby="hc-search-index-heading">
      <h2 id="hc-search-index-heading">Search</h2>
      <p>
        To search quickly, Health Clipper keeps an index of the words in your library, on this computer, next to your
        clips. It is updated whenever something changes. If search ever misses something you know is there, build the
        index again: your clips are not touched, and you can keep using the library meanwhile.
      </p>
      <p role="status">
        {progress === undefined || progress.state === 'loading'
          ? 'Reading the search index…'
          : building
            ? `Building the index: ${nf.format(progress.done)} of ${nf.format(progress.total)} clips.`
            : progress.state === 'failed'
              ? 'The search index could not be built. Your clips are safe. Try again, or reload this page.'
              : `Ready: ${nf.format(progress.total)} clips indexed${progress.bytes ? `, using ${Math.max(1, Math.round(progress.bytes / 1e6))} MB of memory while the library is open` : ''}.`}
      </p>
      {building ? <progress max={progress.total || 1} value={progress.done} aria-label="Building the search index" /> : null}
      <button type="button" disabled={building} onClick={() => getSearchClient().rebuild()}>
        Build the search index again
      </button>
    </section>
  );
}
