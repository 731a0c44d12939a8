import { render } from 'preact';
import '../../components/base.css';
import './library.css';
import { LibraryApp } from './LibraryApp';
import { getSearchClient } from './search-client';
import { askForPersistentStorage } from '../../lib/settings/persistent-storage';
import { followMeaningColours } from '../../lib/settings/meaning-colours';

const app = document.getElementById('app');
// Highlight lists show each meaning in the colour the user chose on the options page.
followMeaningColours(document.documentElement);
if (app) render(<LibraryApp />, app);
// Ask that the library is never evicted under disk pressure; Settings shows the answer.
void askForPersistentStorage(navigator.storage).catch(() => null);

// Test builds only (removed from the real extension): lets the benchmark time searches without the UI around them.
if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { hcSearch: () => getSearchClient() });
