import { render } from 'preact';
import '../../components/base.css';
import './popup.css';
import { PopupApp } from './PopupApp';

const app = document.getElementById('app');
if (app) render(<PopupApp />, app);
