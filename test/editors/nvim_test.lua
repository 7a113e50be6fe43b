-- Drives the Samenspel language server from a real Neovim (0.7 API: vim.lsp.start_client, no `nvim -l`).
--
--   SAMENSPEL_SERVER=bin/samenspel-language-server.js SAMENSPEL_EXPECT=expect.json \
--     nvim --headless -u NONE -i NONE -n -c "luafile test/editors/nvim_test.lua" copy-of-fixture.md
--
-- SAMENSPEL_EXPECT is a JSON file written by test/editors/nvim.test.ts from the engine's own findings:
--   initial: [{code, key, range}]           diagnostics expected after opening (exact set, LSP UTF-16 ranges)
--   hovers:  [{code, key, position, title}] hover on each finding must show its lesson title
--   fix:     {code, key, title, lines}      the code action to apply and the buffer lines expected afterwards
--   after:   [{code, key, range}]           diagnostics expected after the fix
--   suppress: {code, line, title, lines, after} the "Negeer hier" action on that finding, the buffer and diagnostics after it
--   symbols: string                          the outline (documentSymbol) as name(child, child), …
-- Every wait ends early when the server exits (on_exit) and fails after SAMENSPEL_TIMEOUT_MS (default 10000).
-- Prints one line per step with its timing, then PASS; on failure prints FAIL: <reason> and exits 1 (cquit).

local t0 = vim.loop.hrtime()
local function ms() return (vim.loop.hrtime() - t0) / 1e6 end
local function out(s) io.stdout:write(string.format('[%6.0f ms] %s\n', ms(), s)) end
local function fail(msg)
  io.stdout:write(string.format('[%6.0f ms] FAIL: %s\n', ms(), msg))
  io.stdout:flush()
  vim.cmd('cquit 1')
end

local ok_run, run_err = pcall(function()
  local server = assert(vim.env.SAMENSPEL_SERVER, 'set SAMENSPEL_SERVER to bin/samenspel-language-server.js')
  local expect_path = assert(vim.env.SAMENSPEL_EXPECT, 'set SAMENSPEL_EXPECT to the expectations JSON file')
  local timeout = tonumber(vim.env.SAMENSPEL_TIMEOUT_MS or '') or 10000
  local expect = vim.fn.json_decode(table.concat(vim.fn.readfile(expect_path), '\n'))

  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  local uri = vim.uri_from_bufnr(bufnr)

  local exited = nil -- set by on_exit: the server process died
  local errors = {}
  local published = {} -- every publishDiagnostics for our buffer, raw LSP (UTF-16 ranges, code, data)
  local config_requests = 0
  local last_publish = nil -- ms() of the latest publish
  -- Diagnostics that stay wrong this long after the latest publish are final: fail without waiting for the timeout.
  local settle_ms = tonumber(vim.env.SAMENSPEL_SETTLE_MS or '') or 1500

  local function die_if_exited(step)
    if exited then
      error(string.format('server exited during %s: code=%s signal=%s; errors=%s', step, tostring(exited.code),
        tostring(exited.signal), vim.inspect(errors)), 0)
    end
  end

  -- Waits for cond() (true → done) or the server's death or the timeout.
  local function wait(step, cond)
    local ok = vim.wait(timeout, function() return exited ~= nil or cond() end, 10)
    die_if_exited(step)
    if not ok then error(string.format('timeout after %d ms: %s', timeout, step), 0) end
  end

  local client_id = vim.lsp.start_client({
    name = 'samenspel',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':h'),
    flags = { debounce_text_changes = 0 },
    -- 0.7 answers workspace/configuration but does not advertise it (0.8+ does): advertise it, as other editors do.
    capabilities = vim.tbl_deep_extend('force', vim.lsp.protocol.make_client_capabilities(),
      { workspace = { configuration = true } }),
    handlers = {
      -- The server asks for section "samenspel"; answer debounceMs = 0 so changes are analysed at once.
      ['workspace/configuration'] = function(_, params)
        config_requests = config_requests + 1
        local items = {}
        for i, item in ipairs(params.items or {}) do
          items[i] = item.section == 'samenspel' and { debounceMs = 0 } or vim.NIL
        end
        return items
      end,
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and result.uri == uri then table.insert(published, result); last_publish = ms() end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
      ['window/showMessage'] = function(_, result) out('server message: ' .. tostring(result and result.message)) end,
    },
    on_error = function(code, err) table.insert(errors, tostring(code) .. ' ' .. vim.inspect(err)) end,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client returned nil', 0) end
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- An async request that also notices the server's death (buf_request_sync would just wait out its timeout).
  local function request(step, method, params)
    local client = vim.lsp.get_client_by_id(client_id)
    if not client then die_if_exited(step); error(step .. ': client is gone', 0) end
    local done, res_err, res = false, nil, nil
    client.request(method, params, function(e, r) done, res_err, res = true, e, r end, bufnr)
    wait(step, function() return done end)
    if res_err then error(step .. ': ' .. vim.inspect(res_err), 0) end
    return res
  end

  local function key_of(d)
    local data = d.data
    if type(data) ~= 'table' then return '' end
    return tostring(data.group or data.party or '')
  end
  local function fmt_range(r)
    return string.format('%d:%d-%d:%d', r.start.line, r.start.character, r['end'].line, r['end'].character)
  end
  local function describe(d) return string.format('%s[%s]@%s', tostring(d.code), d.key or key_of(d), fmt_range(d.range)) end
  local function signature(list)
    local s = {}
    for _, d in ipairs(list) do table.insert(s, describe(d)) end
    table.sort(s)
    return table.concat(s, ', ')
  end
  local function ours(diags)
    local list = {}
    for _, d in ipairs(diags) do
      if d.source == 'samenspel' then table.insert(list, d) end
    end
    return list
  end
  local function latest() return published[#published] and ours(published[#published].diagnostics) or nil end
  local function wait_for_diagnostics(step, expected)
    local want = signature(expected)
    local start = ms()
    local ok = vim.wait(timeout, function()
      if exited ~= nil then return true end
      local got = latest()
      if got == nil then return false end
      return signature(got) == want or ms() - math.max(last_publish, start) > settle_ms
    end, 10)
    die_if_exited(step)
    local got = latest()
    if not ok or signature(got) ~= want then
      error(string.format('%s: expected diagnostics {%s}, but %s {%s} (%d publishes)', step, want,
        ok and string.format('the server settled for %d ms on', settle_ms) or string.format('after %d ms the last publish was', timeout),
        got and signature(got) or 'nothing', #published), 0)
    end
    return latest()
  end

  -- 1) Diagnostics on open: exactly the engine's findings, all three rules, with their ranges.
  local diags = wait_for_diagnostics('diagnostics after open', expect.initial)
  for _, d in ipairs(diags) do out('diagnostic ' .. describe(d) .. ' ' .. d.message:gsub('\n', ' · ')) end
  local rules = {}
  for _, d in ipairs(diags) do rules[d.code] = true end
  for _, r in ipairs({ 'missing-stakeholder', 'vague-ambition', 'unstated-contribution' }) do
    if not rules[r] then error('no diagnostic of rule ' .. r, 0) end
  end
  -- and Neovim's own diagnostic store has them on the same lines
  local stored = vim.diagnostic.get(bufnr)
  if #stored ~= #diags then error(string.format('vim.diagnostic.get has %d, server published %d', #stored, #diags), 0) end
  out(string.format('all three rules reported (%d diagnostics; server asked for settings %d times)', #diags, config_requests))
  if config_requests == 0 then error('the server never asked for workspace/configuration', 0) end

  -- 2) Hover on each finding shows its lesson.
  for _, h in ipairs(expect.hovers) do
    local res = request('hover ' .. h.code, 'textDocument/hover', { textDocument = { uri = uri }, position = h.position })
    local value = res and res.contents and (res.contents.value or res.contents) or nil
    if type(value) ~= 'string' then error('hover on ' .. h.code .. ' returned ' .. vim.inspect(res), 0) end
    if not value:find(h.title, 1, true) then
      error(string.format('hover on %s lacks lesson title "%s":\n%s', h.code, h.title, value), 0)
    end
    out(string.format('hover %s shows "%s"', h.code, h.title))
  end

  -- 3) Code action on the missing-stakeholder finding, applied as Neovim applies edits.
  local target
  for _, d in ipairs(diags) do
    if d.code == expect.fix.code and key_of(d) == expect.fix.key then target = d end
  end
  if not target then error('no diagnostic ' .. expect.fix.code .. '[' .. expect.fix.key .. ']', 0) end
  local actions = request('codeAction', 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = target.range, context = { diagnostics = { target } },
  }) or {}
  local action
  for _, a in ipairs(actions) do
    out('code action: ' .. a.title .. ' (' .. tostring(a.kind) .. ')')
    if a.title == expect.fix.title then action = a end
  end
  if not action then error('code action "' .. expect.fix.title .. '" not offered', 0) end
  if action.kind ~= 'quickfix' then error('code action kind is ' .. tostring(action.kind), 0) end
  if not action.edit then error('code action has no edit: ' .. vim.inspect(action), 0) end
  local before = #published
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  if table.concat(lines, '\n') ~= table.concat(expect.fix.lines, '\n') then
    local diff = {}
    for i = 1, math.max(#lines, #expect.fix.lines) do
      if lines[i] ~= expect.fix.lines[i] then
        table.insert(diff, string.format('line %d: got %s, want %s', i, vim.inspect(lines[i]), vim.inspect(expect.fix.lines[i])))
      end
    end
    error('buffer after the fix differs: ' .. table.concat(diff, '; '), 0)
  end
  out('fix applied; buffer has the expected text')

  -- 4) The server re-analyses the changed buffer: the finding is gone, the others stay.
  wait('diagnostics after the fix', function() return #published > before end)
  local after = wait_for_diagnostics('diagnostics after the fix', expect.after)
  for _, d in ipairs(after) do
    if d.code == expect.fix.code and key_of(d) == expect.fix.key then error('finding still there after the fix', 0) end
  end
  out(string.format('%s[%s] gone; %d diagnostics left: %s', expect.fix.code, expect.fix.key, #after, signature(after)))

  -- 5) "Negeer hier" on the vague ambition: the suppression comment it inserts silences the finding.
  local vague
  for _, d in ipairs(after) do
    if d.code == expect.suppress.code and d.range.start.line == expect.suppress.line then vague = d end
  end
  if not vague then error('no ' .. expect.suppress.code .. ' diagnostic on line ' .. expect.suppress.line, 0) end
  local ignore_actions = request('codeAction (ignore)', 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = vague.range, context = { diagnostics = { vague } },
  }) or {}
  local ignore
  for _, a in ipairs(ignore_actions) do
    if a.title == expect.suppress.title then ignore = a end
  end
  if not ignore then error('code action "' .. expect.suppress.title .. '" not offered', 0) end
  local before_ignore = #published
  vim.lsp.util.apply_workspace_edit(ignore.edit, 'utf-16')
  local ignored_lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  if table.concat(ignored_lines, '\n') ~= table.concat(expect.suppress.lines, '\n') then
    error('buffer after "' .. expect.suppress.title .. '" differs:\n' .. table.concat(ignored_lines, '\n'), 0)
  end
  wait('diagnostics after the suppression comment', function() return #published > before_ignore end)
  local silenced = wait_for_diagnostics('diagnostics after the suppression comment', expect.suppress.after)
  for _, d in ipairs(silenced) do
    if d.code == expect.suppress.code then error('the suppression comment did not silence ' .. describe(d), 0) end
  end
  out(string.format('suppression comment silences %s; %d diagnostics left', expect.suppress.code, #silenced))

  -- 6) The outline: textDocument/documentSymbol returns the sections as a tree.
  local symbols = request('documentSymbol', 'textDocument/documentSymbol', { textDocument = { uri = uri } }) or {}
  local function shape(items)
    local parts = {}
    for _, item in ipairs(items) do
      local children = item.children or {}
      table.insert(parts, item.name .. (#children > 0 and ('(' .. shape(children) .. ')') or ''))
    end
    return table.concat(parts, ', ')
  end
  local got_symbols = shape(symbols)
  if got_symbols ~= expect.symbols then
    error(string.format('documentSymbol: expected %s, got %s', expect.symbols, got_symbols), 0)
  end
  out('documentSymbol: ' .. got_symbols)

  vim.lsp.stop_client(client_id)
end)

if not ok_run then return fail(tostring(run_err)) end
out('PASS')
io.stdout:flush()
vim.cmd('qall!')
