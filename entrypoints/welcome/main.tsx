import { render } from 'preact';
import '../../components/base.css';
import '../../components/settings/settings-page.css';
import { t } from '../../lib/i18n';
import { WelcomeApp } from './WelcomeApp';

document.title = t('welcome.documentTitle');
const app = document.getElementById('app');
if (app) render(<WelcomeApp />, app);
