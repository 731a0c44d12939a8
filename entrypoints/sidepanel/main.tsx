import { render } from 'preact';
import '../../components/base.css';
import './sidepanel.css';
import { SidePanelApp } from './SidePanelApp';
import { followMeaningColours } from '../../lib/settings/meaning-colours';

const app = document.getElementById('app');
// Highlight lists show each meaning in the colour the user chose on the options page.
followMeaningColours(document.documentElement);
if (app) render(<SidePanelApp />, app);
