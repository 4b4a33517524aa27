import { defineElement } from '../shared/define.js';
import { SdiCountdown } from './sdi-countdown.js';

defineElement('sdi-countdown', SdiCountdown);

export { SdiCountdown };
