/**
 * The list's styles, one module per part of the list. The order below is the cascade's: a later
 * module wins ties of specificity over an earlier one, so a module moves only with its rules checked.
 */
import { css } from 'lit';
import { rootStyles } from './root.js';
import { filterStyles } from './filters.js';
import { cardStyles } from './cards.js';
import { stateStyles } from './states.js';
import { compactStyles } from './compact.js';
import { detailStyles } from './detail.js';
import { adaptationStyles } from './adaptations.js';

// One stylesheet, not an array: the host adopts a single sheet, as before the split.
export const listStyles = css`${rootStyles}${filterStyles}${cardStyles}${stateStyles}${compactStyles}${detailStyles}${adaptationStyles}`;
