// Drives real VS Code (code-server) with headless Chromium: the installed Samenspel extension on three-rules.md.
// usage: node ui-test.js URL SCREENSHOT FAILURE_SCREENSHOT        (started by e2e/run.sh; exit code = result)
//
// 1. squiggles, and Problems-panel rows from source "samenspel" for each of the three rules
// 2. hover on the missing-stakeholder finding shows lesson 1 (title and its text, not just the diagnostic)
// 3. Ctrl+. on the vague ambition offers the lesson-citing quick-fix; applying it edits the line and the finding goes
// 4. typing "De gemeenteraad stelt het budget vast." removes the gemeenteraad finding while typing (no save)
// 5. the status bar item reads "Samenspel: N findings · scan G/6"; a click opens the scan, in Dutch (the document's
//    language) in this English workbench
// 6. "Samenspel: Show lesson" opens the lesson page headed in Dutch, "Les van Samenspel"
// 7. the rule code link in Problems opens the rule documentation as a read-only preview, with no findings on it
// 8. switching a rule off in the folder's settings updates the status bar and the open scan without a keystroke
// 9. the Outline view lists the document's sections and its parties (textDocument/documentSymbol)
// 10. a suppression comment <!-- samenspel-disable-file unfilled-placeholder --> silences those findings
// 11. the source action "Vul alle ontbrekende onderdelen aan" (fix all) fills in the contribution row
const fs = require('fs');
const path = require('path');
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
  /** Polls the workbench's frames (webviews: the scan, Markdown previews) for one whose text matches `re`. */
  async function frameWith(what, re, ms = 20000) {
    let found;
    await until(what, async () => {
      for (const frame of page.frames()) {
        const text = await frame.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
        if (re.test(text)) { found = text; return true; }
      }
      return false;
    }, ms);
    return found;
  }
  async function runCommand(label) {
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget:visible input');
    await input.waitFor({ timeout: 10000 });
    await input.fill(`>${label}`);
    await page.locator('.quick-input-widget:visible .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
  }
  const statusItem = page.locator('.statusbar-item', { hasText: /Samenspel:/ });
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

    // 5) the status bar: findings and green factors; a click opens the scan, in the document's language (Dutch)
    const STATUS = /Samenspel: (\d+) findings? · scan (\d)\/6/;
    await until('the Samenspel status bar item', async () => STATUS.test(await statusItem.first().innerText().catch(() => '')));
    const statusBefore = await statusItem.first().innerText();
    const findingsBefore = Number(STATUS.exec(statusBefore)[1]);
    log('status bar:', JSON.stringify(statusBefore));
    if (findingsBefore !== await rows.filter({ hasText: /samenspel/ }).count()) throw new Error(`status bar says ${findingsBefore} findings, Problems has ${await rows.filter({ hasText: /samenspel/ }).count()} rows`);
    await statusItem.first().click();
    await page.locator('.tab', { hasText: `Scan: ${FILE}` }).waitFor({ timeout: 20000 });
    const scanText = await frameWith('the scan page in Dutch', /Samenwerkingsscan[\s\S]*Waar in het document/);
    if (!/partijen zonder concrete bijdrage: 1/.test(scanText)) throw new Error(`scan before the settings change: ${scanText.slice(0, 400)}`);
    if (/Partly|Where in the document|In order\b/.test(scanText)) throw new Error(`the scan mixes English labels into a Dutch document: ${scanText.slice(0, 300)}`);
    log('scan opened from the status bar, in Dutch:', JSON.stringify(scanText.slice(0, 80)));

    // 6) the lesson page of the unstated contribution (line 33, now 35 after step 4), headed in the document's language
    await focusEditor();
    await goTo('35:4');
    await runCommand('Samenspel: Show lesson');
    await page.locator('.tab', { hasText: /Les\b/ }).first().waitFor({ timeout: 20000 });
    const lessonText = await frameWith('the lesson page', /Les van Samenspel/);
    if (/Lesson from Samenspel|regels \d/.test(lessonText)) throw new Error(`lesson page: ${lessonText.slice(0, 200)}`);
    log('lesson page:', JSON.stringify(lessonText.slice(0, 80)));

    // 7) the rule code in Problems opens the rule's page read-only (a preview), and Samenspel reports nothing on it
    await page.keyboard.press('Control+Shift+M');
    const codeLink = ruleRows('unstated-contribution').first().locator('a', { hasText: 'unstated-contribution' });
    await codeLink.first().click();
    await page.locator('.tab', { hasText: /unstated-contribution/ }).first().waitFor({ timeout: 20000 });
    await frameWith('the rule page rendered', /Meldt een partij waarvan niet staat wat zij bijdraagt/);
    const docsTab = await page.locator('.tab', { hasText: /unstated-contribution/ }).first().innerText();
    if (!/Preview/.test(docsTab)) throw new Error(`the rule docs opened as ${JSON.stringify(docsTab)}, not as a preview`);
    if (await page.locator('.monaco-editor .view-line', { hasText: 'Meldt een partij' }).count() > 0) throw new Error('the rule docs are open in a text editor');
    await page.waitForTimeout(1500); // give a wrong check of the page time to publish
    const docRows = await page.locator('.markers-panel .monaco-list-row', { hasText: /unstated-contribution\.md/ }).count();
    if (docRows !== 0) throw new Error(`Samenspel reports findings on its own rule page (${docRows} rows)`);
    log('rule docs opened as', JSON.stringify(docsTab), '— no findings on it');

    // 8) switch unstated-contribution off in the folder's settings: status bar and the open scan follow, no keystroke
    const folder = new URL(url).searchParams.get('folder');
    fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'samenspel.rules': { 'unstated-contribution': 'off' } }));
    await until('the status bar after the settings change', async () => {
      const m = STATUS.exec(await statusItem.first().innerText().catch(() => ''));
      return !!m && Number(m[1]) !== findingsBefore; // the n.t.b. cells now count as open fields instead
    }, 30000);
    log('status bar after switching unstated-contribution off:', JSON.stringify(await statusItem.first().innerText()));
    await page.locator('.tab', { hasText: `Scan: ${FILE}` }).first().click(); // the lesson page covers it
    await frameWith('the scan without the unstated contribution', /partijen zonder concrete bijdrage: 0/, 20000);
    log('the open scan followed the settings change');
    fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), '{}');
    await until('the status bar back to the default settings', async () => (await statusItem.first().innerText().catch(() => '')) === statusBefore, 30000);

    // 9) the outline: sections and parties (of the active editor: back from the rule page to the document)
    await page.locator('.tab:not(:has-text("Scan"))', { hasText: FILE }).first().click();
    await focusEditor();
    await runCommand('Focus on Outline View');
    const outlineRow = (text) => page.locator('[id="workbench.parts.sidebar"] .monaco-list-row', { hasText: text });
    for (const text of ['Partijen', 'Gemeente Rivierstad', 'Kinderopvang De Vlinder B.V.']) await outlineRow(text).first().waitFor({ timeout: 20000 });
    log('outline rows:', JSON.stringify((await page.locator('[id="workbench.parts.sidebar"] .monaco-list-row').allInnerTexts()).slice(0, 12)));

    // 10) a suppression comment after the front matter (line 10 is the blank line below it)
    await focusEditor();
    await goTo('10');
    await page.keyboard.press('End');
    await page.keyboard.type('<!-- samenspel-disable-file unfilled-placeholder ', { delay: 10 });
    const commentLine = page.locator('.view-line', { hasText: 'samenspel-disable-file' }).first();
    await commentLine.waitFor({ timeout: 10000 });
    if (!(await commentLine.innerText()).includes('-->')) await page.keyboard.type('-->'); // unless the editor closed it
    await page.keyboard.press('Escape'); // no suggestion may take the Enter
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    log('comment line:', JSON.stringify(await commentLine.innerText()));
    await until('the unfilled-placeholder rows leave the Problems panel', async () => (await ruleRows('unfilled-placeholder').count()) === 0);
    if (await ruleRows('unstated-contribution').count() !== 1) throw new Error('the suppression comment silenced another rule too');
    log('suppression comment silenced the placeholders; the contribution finding stays');

    // 11) fix all, from the Source Action menu
    await focusEditor();
    const fixAll = page.locator('.action-widget .monaco-list-row', { hasText: 'Vul alle ontbrekende onderdelen aan' });
    for (let i = 0; ; i++) {
      await runCommand('Source Action...');
      try { await fixAll.first().waitFor({ timeout: 4000 }); break; } catch (e) { if (i >= 3) throw e; await page.keyboard.press('Escape'); log('source action retry', i + 1); }
    }
    await fixAll.first().click();
    await until('the unstated-contribution row leaves the Problems panel after fix all', async () => (await ruleRows('unstated-contribution').count()) === 0);
    await focusEditor();
    await goTo('36');
    await page.locator('.view-line', { hasText: '[bedrag]' }).first().waitFor({ timeout: 10000 }); // the row wraps in a narrow group
    if (await ruleRows('unfilled-placeholder').count() !== 0) throw new Error('the new fields showed up despite the suppression comment');
    await until('the status bar with no findings', async () => /Samenspel: 0 findings/.test(await statusItem.first().innerText().catch(() => '')));
    log('fix all filled in the contribution row; status bar:', JSON.stringify(await statusItem.first().innerText()));
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
