-- Erases a profile (chatsignal store v1). KEYS[1]: the profile hash; ARGV[1]: 'all' or 'chat'.
-- Idempotency keys are left alone, so a retried interaction cannot bring erased data back.
-- Returns { (topic, source) entries removed, 1 when nothing of the profile is left else 0 }.
local removed = 0
local chat_fields = {}
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  local kind, src = string.match(field, '^([gt]):%d+:(%d+)$')
  if kind == 'g' and (ARGV[1] == 'all' or src == '1') then removed = removed + 1 end
  if kind and src == '1' then table.insert(chat_fields, field) end
end
if ARGV[1] == 'all' then
  redis.call('DEL', KEYS[1])
  return { removed, 1 }
end
if #chat_fields > 0 then redis.call('HDEL', KEYS[1], unpack(chat_fields)) end
if redis.call('EXISTS', KEYS[1]) == 0 then return { removed, 1 } end
return { removed, 0 }
