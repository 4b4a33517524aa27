import { defineElement } from '../shared/define.js';
import { SdiEditionBanner } from './sdi-edition-banner.js';

defineElement('sdi-edition-banner', SdiEditionBanner);

export { SdiEditionBanner };
