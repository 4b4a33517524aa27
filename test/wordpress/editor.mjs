/**
 * The block editor of WordPress 6.1 driven as a person drives it: the welcome guide closed, the
 * "+" inserter opened, a block searched by its (translated) title and clicked, a control of the
 * block sidebar found by its label, « Publier » clicked and confirmed. The editing canvas may be
 * an iframe (block themes, template mode): canvas() answers the frame that holds the blocks.
 */

const INSERTER_TOGGLE = '.edit-post-header-toolbar__inserter-toggle';

/** Opens the editor for a new post and waits until it can be used. */
export async function openNewPost(page, site) {
  await page.goto(`${site}/wp-admin/post-new.php`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector(INSERTER_TOGGLE, { visible: true, timeout: 30000 });
  // The welcome guide opens a moment after the editor, for every user's first visit.
  const guide = await page.waitForSelector('.edit-post-welcome-guide', { visible: true, timeout: 3000 }).catch(() => null);
  if (guide) {
    await page.keyboard.press('Escape');
    await page.waitForSelector('.edit-post-welcome-guide', { hidden: true, timeout: 5000 });
  }
}

/** The frame that holds the blocks: the editor-canvas iframe when there is one. */
export function canvas(page) {
  return page.frames().find((f) => f.name() === 'editor-canvas') ?? page.mainFrame();
}

/** Types the post title in the canvas. */
export async function typeTitle(page, title) {
  const field = await canvas(page).waitForSelector('.editor-post-title__input', { visible: true, timeout: 10000 });
  await field.click();
  await page.keyboard.type(title);
}

/**
 * Opens the inserter, searches `query`, clicks the result titled exactly `title`; returns the
 * number of blocks of that name in the canvas afterwards.
 */
export async function insertBlock(page, query, title) {
  const open = await page.$('.edit-post-editor__inserter-panel');
  if (!open) await page.click(INSERTER_TOGGLE);
  const search = await page.waitForSelector('.block-editor-inserter__menu input[type="search"]', { visible: true, timeout: 10000 });
  await search.click({ clickCount: 3 });
  await search.type(query);
  const item = await page.waitForFunction((wanted) => [...document.querySelectorAll('.block-editor-inserter__menu .block-editor-block-types-list__item')]
    .find((b) => b.querySelector('.block-editor-block-types-list__item-title')?.textContent.trim() === wanted), { timeout: 10000 }, title);
  await item.asElement().click();
  // The inserter panel stays open on wide screens: closed so the block sidebar is in view.
  if (await page.$('.edit-post-editor__inserter-panel')) await page.click(INSERTER_TOGGLE);
  await page.waitForSelector('.edit-post-editor__inserter-panel', { hidden: true, timeout: 5000 });
}

/** Makes sure the settings sidebar shows the selected block's controls. */
export async function showBlockSidebar(page) {
  if (!(await page.$('.interface-complementary-area'))) {
    await page.click('.interface-pinned-items button[aria-controls="edit-post:document"], .interface-pinned-items button[aria-controls="edit-post:block"], .interface-pinned-items button:first-child');
  }
  // The sidebar opens on the Document tab when nothing was selected before.
  const blockTab = await page.$('.edit-post-sidebar__panel-tabs li:last-child button:not(.is-active)');
  if (blockTab) await blockTab.click();
  await page.waitForSelector('.interface-complementary-area .block-editor-block-inspector', { visible: true, timeout: 10000 });
}

/** The labels of the block sidebar's controls, in order, and its panel titles. */
export function sidebarLabels(page) {
  return page.$$eval('.interface-complementary-area .block-editor-block-inspector', (areas) => {
    const area = areas[0];
    return {
      panels: [...area.querySelectorAll('.components-panel__body-title')].map((t) => t.textContent.trim()),
      labels: [...area.querySelectorAll('label')].map((l) => l.textContent.trim()),
    };
  });
}

/** Chooses `value` in the sidebar select labelled `label`; returns false when there is none. */
export async function chooseInSidebar(page, label, value) {
  const id = await page.$$eval('.interface-complementary-area .components-select-control', (controls, wanted) => {
    const control = controls.find((c) => c.querySelector('label')?.textContent.trim() === wanted);
    return control?.querySelector('select')?.id ?? null;
  }, label);
  if (!id) return false;
  await page.select(`#${id}`, value);
  return true;
}

/** Clicks « Publier », confirms in the pre-publish panel, waits for the post-publish panel; returns the post id. */
export async function publish(page) {
  await page.click('.editor-post-publish-panel__toggle');
  const confirm = await page.waitForSelector('.editor-post-publish-panel .editor-post-publish-button', { visible: true, timeout: 10000 });
  await confirm.click();
  await page.waitForSelector('.post-publish-panel__postpublish', { visible: true, timeout: 30000 });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('post'), { timeout: 10000 });
  return Number(new URL(page.url()).searchParams.get('post'));
}
