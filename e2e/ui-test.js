// Drives real VS Code (code-server) with headless Chromium: the installed Samenspel extension on three-rules.md.
// usage: node ui-test.js URL SCREENSHOT FAILURE_SCREENSHOT        (started by e2e/run.sh; exit code = result)
//
// 1. squiggles, and Problems-panel rows from source "samenspel" for each of the three rules
// 2. hover on the missing-stakeholder finding shows lesson 1 (title and its text, not just the diagnostic)
// 3. Ctrl+. on the vague ambition offers the lesson-citing quick-fix; applying it edits the line and the finding goes
// 4. typing "De gemeenteraad stelt het budget vast." removes the gemeenteraad finding while typing (no save)
const { chromium } = require('./node_modules/playwright-core');

const [url, shot, failShot] = process.argv.slice(2);
const FILE = 'three-rules.md';
const RULES = ['missing-stakeholder', 'vague-ambition', 'unstated-contribution'];

(async () => {
  const t0 = Date.now();
  const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
  const tmp = process.env.TMPDIR || '/tmp';
  const browser = await chromium.launchPersistentContext(tmp + '/chrome-profile', {
    env: { ...process.env, HOME: tmp, XDG_CONFIG_HOME: tmp + '/xdg', XDG_CACHE_HOME: tmp + '/xdg' }, // keep chromium out of ~
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  let code = 1;
  const page = browser.pages()[0] || await browser.newPage();
  page.on('pageerror', (e) => log('pageerror', e.message));

  const rows = page.locator('.markers-panel .monaco-list-row');
  const ruleRows = (rule) => rows.filter({ hasText: new RegExp(`samenspel\\W*${rule}`) });
  const councilRows = () => ruleRows('missing-stakeholder').filter({ hasText: 'gemeenteraad' });
  /** Polls until fn() is true; throws `what` after ms. */
  async function until(what, fn, ms = 20000) {
    const end = Date.now() + ms;
    for (;;) {
      if (await fn()) return;
      if (Date.now() > end) throw new Error(`timeout after ${ms / 1000}s: ${what}`);
      await page.waitForTimeout(100);
    }
  }
  async function goTo(lineCol) { // the editor must have focus
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget:visible input').waitFor({ timeout: 10000 });
    await page.keyboard.type(lineCol);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget:visible').waitFor({ state: 'hidden', timeout: 10000 });
  }
  async function focusEditor() { // Ctrl+1: focus the first editor group (clicking can hit a scrolled-away spot)
    await page.keyboard.press('Control+1');
    await page.locator('.monaco-editor.focused').waitFor({ timeout: 10000 });
  }

  try {
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    log('workbench loaded');
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first().click();
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
    log('editor open');

    // 1) squiggles and Problems rows, one set per rule, all from source samenspel
    await page.waitForSelector('.squiggly-warning, .squiggly-error', { timeout: 60000 });
    log(`squiggles: warnings=${await page.locator('.squiggly-warning').count()} errors=${await page.locator('.squiggly-error').count()}`);
    await page.keyboard.press('Control+Shift+M');
    await rows.filter({ hasText: /samenspel/ }).first().waitFor({ timeout: 60000 });
    let missing = RULES;
    await until('Problems rows of every rule', async () => {
      const present = await Promise.all(RULES.map(async (rule) => (await ruleRows(rule).count()) > 0));
      missing = RULES.filter((_, i) => !present[i]);
      return missing.length === 0;
    }, 10000).catch(() => { throw new Error(`no Problems row from samenspel for: ${missing.join(', ')}`); });
    log('problems rows:', JSON.stringify((await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '))));
    if (await councilRows().count() !== 1) throw new Error('expected one Problems row for the missing gemeenteraad');
    log('all three rules in the Problems panel');
    // a squiggle on each finding's line (the editor renders only visible lines: reveal each first)
    await focusEditor();
    for (const [lineCol, text] of [['13:4', '## Partijen'], ['24:8', 'We versterken de samenwerking'], ['33:4', 'De Vlinder B.V. | n.t.b.']]) {
      await goTo(lineCol);
      const line = page.locator('.view-line', { hasText: text }).first();
      await line.waitFor({ timeout: 10000 });
      await until(`a squiggle on line ${lineCol} "${text}"`, async () => {
        const lb = await line.boundingBox();
        const boxes = await page.locator('.squiggly-warning').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { y: r.y, h: r.height }; }));
        return !!lb && boxes.some((b) => b.y < lb.y + lb.height && b.y + b.h > lb.y);
      }, 10000);
    }
    log('a squiggle on each of the three lines');

    // 2) hover on the missing-stakeholder finding (the "## Partijen" heading, line 13)
    await focusEditor();
    await goTo('13:4');
    const lessonHover = page.locator('.monaco-hover:visible', { hasText: 'les 1: Betrek alle belanghebbenden' })
      .filter({ hasText: 'Berenschot' }); // the lesson's own text, not only the diagnostic's message
    for (let i = 0; ; i++) { // the first hover may show only the diagnostic
      await page.keyboard.press('Control+K'); await page.keyboard.press('Control+I');
      try { await lessonHover.first().waitFor({ timeout: 4000 }); break; } catch (e) {
        if (i >= 3) throw new Error(`hover without lesson 1: ${JSON.stringify(await page.locator('.monaco-hover:visible').allInnerTexts())}`);
        await page.keyboard.press('Escape'); log('hover retry', i + 1);
      }
    }
    log('hover:', JSON.stringify((await lessonHover.first().innerText()).slice(0, 160)));
    await page.screenshot({ path: shot });
    log('screenshot', shot);
    await page.keyboard.press('Escape');

    // 3) quick fix on the vague ambition (line 24: "2. We versterken de samenwerking ...")
    await goTo('24:8');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: /les [12]/ }).filter({ hasText: 'meetbaar' });
    for (let i = 0; ; i++) { // Ctrl+. can race the code-action computation: retry
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      try { await fix.first().waitFor({ timeout: 3000 }); break; } catch (e) { if (i >= 4) throw e; log('quick fix retry', i + 1); }
    }
    log('quick fix items:', JSON.stringify(await page.locator('.action-widget .monaco-list-row').allInnerTexts()));
    await fix.first().click();
    await page.locator('.view-line', { hasText: '(meetbaar: van [nulmeting]' }).waitFor({ timeout: 15000 });
    log('quick fix applied: the line changed');
    await until('the vague-ambition row leaves the Problems panel', async () => (await ruleRows('vague-ambition').count()) === 0);
    if (await councilRows().count() !== 1 || await ruleRows('unstated-contribution').count() < 1) throw new Error('the other findings went too');
    log('vague-ambition finding gone, the others stay');

    // 4) type a council mention as a new paragraph after line 19 ("De schooldirecteur ... vormen samen het kernteam.")
    await focusEditor();
    await goTo('19');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('De gemeenteraad stelt het budget vast.', { delay: 15 });
    const typed = Date.now();
    await page.locator('.view-line', { hasText: 'De gemeenteraad stelt het budget vast.' }).waitFor({ timeout: 10000 });
    await until('the gemeenteraad row leaves the Problems panel after typing', async () => (await councilRows().count()) === 0);
    log(`gemeenteraad finding gone ${Date.now() - typed} ms after typing; rows now:`,
      JSON.stringify((await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '))));
    if (await ruleRows('unstated-contribution').count() < 1) throw new Error('the unstated-contribution finding went too');
    if (await page.locator('.tab.dirty', { hasText: FILE }).count() !== 1) throw new Error('expected the edited, unsaved tab');
    code = 0;
  } catch (e) {
    log('ERROR', e.message);
    log('problems rows then:', JSON.stringify(await rows.allTextContents().catch(() => [])));
    await page.screenshot({ path: failShot }).catch((err) => log('failure screenshot failed', err.message));
    log('failure screenshot', failShot);
  } finally {
    await browser.close();
    log(code === 0 ? 'PASS' : 'FAIL');
    process.exit(code);
  }
})();
