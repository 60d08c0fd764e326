-- Headless Neovim end-to-end test of `daemonset lsp` (run by NeovimIT). Works with Neovim 0.7
-- (vim.lsp.start_client + buf_attach_client) and newer. Writes what Neovim received to $DAEMONSET_OUT
-- as JSON and quits; any failure quits with exit code 1 and the error in the output file.
local java = os.getenv("DAEMONSET_JAVA")
local jar = os.getenv("DAEMONSET_JAR")
local file = os.getenv("DAEMONSET_FILE")
local out_file = os.getenv("DAEMONSET_OUT")
local result = { nvim = tostring(vim.version().major) .. "." .. tostring(vim.version().minor) .. "." .. tostring(vim.version().patch) }

local function write()
  local f = assert(io.open(out_file, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function diagnostics(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out, {
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or vim.NIL,
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source or vim.NIL, message = d.message,
    })
  end
  table.sort(out, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  return out
end

local function has_code(buf, code)
  for _, d in ipairs(diagnostics(buf)) do
    if d.code == code then return true end
  end
  return false
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = "daemonset",
    cmd = { java, "-jar", jar, "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
    init_options = { debounceMillis = 0 },
  })
  assert(client_id, "the client did not start")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  assert(vim.wait(60000, function() return has_code(buf, "unknown-field") end, 50),
    "no diagnostics arrived")
  result.diagnostics = diagnostics(buf)

  -- the quick fix for the unknown field, through the client's own request and edit machinery
  local unknown
  for _, d in ipairs(result.diagnostics) do
    if d.code == "unknown-field" then unknown = d end
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = unknown.lnum, character = unknown.col },
              ["end"] = { line = unknown.end_lnum, character = unknown.end_col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, unknown.lnum) },
  }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 60000)
  local action
  result.actions = {}
  for _, r in pairs(responses or {}) do
    for _, a in ipairs(r.result or {}) do
      table.insert(result.actions, a.title)
      if a.title == 'Rename to "containers"' then action = a end
    end
  end
  assert(action, "no quick fix offered")
  local client = vim.lsp.get_client_by_id(client_id)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
  assert(vim.wait(60000, function() return not has_code(buf, "unknown-field") end, 50),
    "the fix was not re-linted")
  result.after = diagnostics(buf)
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)

  -- hover on the renamed field
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = unknown.lnum, character = unknown.col + 2 },
  }, 60000)
  for _, r in pairs(hover or {}) do
    if r.result then result.hover = r.result.contents.value end
  end
  vim.lsp.stop_client(client_id)
end)

if not ok then
  result.error = tostring(err)
  write()
  vim.cmd("cquit 1")
else
  write()
  vim.cmd("qall!")
end
