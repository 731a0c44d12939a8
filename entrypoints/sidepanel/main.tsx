import { render } from 'preact';
import '../../components/base.css';
import './sidepanel.css';
import { SidePanelApp } from './SidePanelApp';

const app = document.getElementById('app');
if (app) render(<SidePanelApp />, app);
