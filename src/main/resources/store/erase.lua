-- Erases a profile (chatsignal store v2). KEYS[1]: the profile hash; ARGV[1]: 'all' or 'chat';
-- ARGV[2]: only this app's entries ('default' is the one without a ':<app>' suffix), '' for every app.
-- Idempotency keys are left alone, so a retried interaction cannot bring erased data back; suppressions
-- go only with 'all' in every app.
-- Returns { (topic, source, app) entries removed, 1 when nothing of the profile is left else 0 }.
local removed = 0
local doomed = {}
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  local kind, src, rest = string.match(field, '^([gt]):%d+:(%d+)(.*)$')
  if kind then
    local app = 'default'
    if rest ~= '' then app = string.sub(rest, 2) end
    if (ARGV[1] == 'all' or src == '1') and (ARGV[2] == '' or ARGV[2] == app) then
      if kind == 'g' then removed = removed + 1 end
      table.insert(doomed, field)
    end
  end
end
if ARGV[1] == 'all' and ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
  return { removed, 1 }
end
if #doomed > 0 then redis.call('HDEL', KEYS[1], unpack(doomed)) end
if redis.call('EXISTS', KEYS[1]) == 0 then return { removed, 1 } end
return { removed, 0 }
