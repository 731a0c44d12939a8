import { render } from 'preact';
import '../../components/base.css';
import '../../components/settings/settings-page.css';
import './options.css';
import { t } from '../../lib/i18n';
import { followMeaningColours } from '../../lib/settings/meaning-colours';
import { OptionsApp } from './OptionsApp';

document.title = t('options.documentTitle');
followMeaningColours(document.documentElement);
const app = document.getElementById('app');
if (app) render(<OptionsApp />, app);
