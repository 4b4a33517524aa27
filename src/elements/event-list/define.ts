import { defineElement } from '../shared/define.js';
import { SdiEventList } from './sdi-event-list.js';

defineElement('sdi-event-list', SdiEventList);

export { SdiEventList };
