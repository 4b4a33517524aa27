import { defineElement } from '../shared/define.js';
import { SdiRegionMap } from './sdi-region-map.js';

defineElement('sdi-region-map', SdiRegionMap);

export { SdiRegionMap };
