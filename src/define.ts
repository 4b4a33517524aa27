/** Registers every element at once (npm users who bundle: `import 'semaine-industrie-widgets/define'`). */
import './elements/edition-banner/define.js';
import './elements/countdown/define.js';
import './elements/event-list/define.js';
import './elements/region-map/define.js';
