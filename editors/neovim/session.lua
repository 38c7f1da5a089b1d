-- A headless Neovim session with erlint's language server, as a user's
-- configuration would start it: opens the file given on the command line,
-- prints the diagnostics the server publishes for it, then goes to the
-- definition of the first `provider:` value (in another file) and prints
-- where it landed. Exits 0 when both worked, 1 otherwise.
--
--   nvim --headless --clean -c 'luafile editors/neovim/session.lua' DESIGN/sites/europe.yaml
--
-- ERLINT (environment) names the binary; default `erlint` on PATH.

local out = function(s) io.stdout:write(s .. "\n") end
local erlint = os.getenv("ERLINT") or "erlint"
local buf = vim.api.nvim_get_current_buf()
local file = vim.api.nvim_buf_get_name(buf)
-- The design is the current folder, as an editor's workspace.
local root = vim.fn.getcwd()

local config = { name = "erlint", cmd = { erlint, "server" }, root_dir = root }
local client_id
if vim.lsp.start then
  -- Neovim 0.8 and later.
  client_id = vim.lsp.start(config)
else
  -- Neovim 0.7 (Debian 12): start the client, attach the buffer.
  client_id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(buf, client_id)
end
if not client_id then
  out("erlint server did not start")
  vim.cmd("cquit 1")
end

local function diagnostics()
  return vim.diagnostic.get(buf)
end
local ok = vim.wait(30000, function() return #diagnostics() > 0 end, 50)
if not ok then
  out("no diagnostics within 30 s")
  vim.cmd("cquit 1")
end
local names = { "error", "warning", "info", "hint" }
local rel = vim.fn.fnamemodify(file, ":.")
for _, d in ipairs(diagnostics()) do
  local first = vim.split(d.message, "\n")[1]
  out(string.format("%s:%d:%d: %s[%s] %s", rel, d.lnum + 1, d.col + 1,
    names[d.severity] or "?", d.code or "", first))
end

-- Go to definition on the first `provider: X` of the buffer.
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local row, col
for i, line in ipairs(lines) do
  local s = line:find("provider: ")
  if s then row, col = i - 1, s + #"provider: " - 1 break end
end
if not row then
  out("no `provider:` in the buffer")
  vim.cmd("cquit 1")
end
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = row, character = col },
}
local answers = vim.lsp.buf_request_sync(buf, "textDocument/definition", params, 30000) or {}
local landed = false
for _, a in pairs(answers) do
  local r = a.result
  if r and r.uri == nil and r[1] then r = r[1] end
  if r and r.uri then
    local path = vim.fn.fnamemodify(vim.uri_to_fname(r.uri), ":.")
    out(string.format("definition of %s at %s:%d:%d", lines[row + 1]:sub(col + 1),
      path, r.range.start.line + 1, r.range.start.character + 1))
    landed = true
  end
end
if not landed then
  out("no definition")
  vim.cmd("cquit 1")
end
vim.lsp.stop_client(client_id)
vim.wait(10000, function() return vim.lsp.client_is_stopped(client_id) end, 50)
vim.cmd("qa!")
