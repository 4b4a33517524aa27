/**
 * The script-tag entry: registers every element. Partners paste
 * `<script type="module" src="…/sdi-widgets.js"></script>` and place the elements by attributes.
 */
import './elements/edition-banner/define.js';
import './elements/countdown/define.js';

export { configureWidgets } from './feed/source.js';
