import { render } from 'preact';
import '../../components/base.css';
import './library.css';
import { LibraryApp } from './LibraryApp';

const app = document.getElementById('app');
if (app) render(<LibraryApp />, app);
// Ask once that the library is never evicted under disk pressure.
void navigator.storage?.persist?.();
