import { render } from 'preact';
import '../../components/base.css';
import { documentLanguage } from '../../components/consult/CollectionDocument';
import { COLLECTION_DOCUMENT_CSS } from '../../components/consult/document-css';
import './print.css';
import { PrintApp } from './PrintApp';

// The page's words come from the catalogue the browser chose, so say which language they are in (index.html can only guess).
document.documentElement.lang = documentLanguage();
// The same rules the standalone HTML file inlines, so the print and the file look alike.
const style = document.createElement('style');
style.textContent = COLLECTION_DOCUMENT_CSS;
document.head.append(style);
const app = document.getElementById('app');
if (app) render(<PrintApp />, app);
