-- Applies one user's profile ops atomically (chatsignal store v2: apps; forward decay).
-- KEYS[1]: the profile hash  cs:{user}:p
-- KEYS[2..]: one idempotency key cs:{user}:i:<interaction id> per op that has an id, in op order
-- ARGV[1] now (epoch ms)  ARGV[2] max topics  ARGV[3] idempotency TTL (ms)  ARGV[4] profile TTL (ms)
-- ARGV[5] decay landmark L (epoch ms)  ARGV[6..12] half-life (ms) of source codes 1..7
-- ARGV[13] number of ops, then per op: hasId (0|1), #reinforcements, #suppressions,
--   reinforcements as (topic, source code, amount, at ms, app), suppressions as (topic, until ms)
-- Hash fields: g:<topic>:<src>[:<app>] = weight * 2^((t - L) / halfLife) summed over reinforcements
-- (forward decay: additions commute, so replicas never need a read-modify-write), t:<topic>:<src>[:<app>]
-- = latest reinforcement time, s:<topic> = suppressed until. The default app has no ':<app>' suffix
-- (so v1 hashes read as the default app's). Returns 1 (applied) or 0 (duplicate) per op.
local key = KEYS[1]
local now = tonumber(ARGV[1])
local max_topics = tonumber(ARGV[2])
local landmark = tonumber(ARGV[5])
local half_life = {}
for i = 1, 7 do half_life[i] = tonumber(ARGV[5 + i]) end

local pos = 14
local next_key = 2
local out = {}
for op = 1, tonumber(ARGV[13]) do
  local has_id = ARGV[pos]
  local nr = tonumber(ARGV[pos + 1])
  local ns = tonumber(ARGV[pos + 2])
  pos = pos + 3
  local fresh = true
  if has_id == '1' then
    fresh = redis.call('SET', KEYS[next_key], '1', 'NX', 'PX', ARGV[3])
    next_key = next_key + 1
  end
  if fresh then
    for _ = 1, nr do
      local field = ARGV[pos] .. ':' .. ARGV[pos + 1]
      if ARGV[pos + 4] ~= 'default' then field = field .. ':' .. ARGV[pos + 4] end
      local src = tonumber(ARGV[pos + 1])
      local at = tonumber(ARGV[pos + 3])
      redis.call('HINCRBYFLOAT', key, 'g:' .. field,
        tonumber(ARGV[pos + 2]) * math.pow(2, (at - landmark) / half_life[src]))
      local last = tonumber(redis.call('HGET', key, 't:' .. field) or '-1')
      if at > last then redis.call('HSET', key, 't:' .. field, ARGV[pos + 3]) end
      pos = pos + 5
    end
    for _ = 1, ns do
      local field = 's:' .. ARGV[pos]
      local current = tonumber(redis.call('HGET', key, field) or '0')
      if tonumber(ARGV[pos + 1]) > current then redis.call('HSET', key, field, ARGV[pos + 1]) end
      pos = pos + 2
    end
    out[op] = 1
  else
    pos = pos + 5 * nr + 2 * ns
    out[op] = 0
  end
end

-- Keep the strongest max_topics topics (decayed to now), drop negligible ones and ended suppressions.
local fields = redis.call('HGETALL', key)
local totals = {}
local doomed = {}
for i = 1, #fields, 2 do
  local topic, src = string.match(fields[i], '^g:(%d+):(%d+)')
  if topic then
    local w = tonumber(fields[i + 1]) * math.pow(2, -(now - landmark) / half_life[tonumber(src)])
    totals[topic] = (totals[topic] or 0) + w
  elseif string.sub(fields[i], 1, 2) == 's:' and tonumber(fields[i + 1]) <= now then
    table.insert(doomed, fields[i])
  end
end
local ranked = {}
for topic, w in pairs(totals) do table.insert(ranked, { topic, w }) end
table.sort(ranked, function(a, b) return a[2] > b[2] end)
local drop = {}
local dropping = false
for i, entry in ipairs(ranked) do
  if i > max_topics or entry[2] < 0.001 then
    drop[entry[1]] = true
    dropping = true
  end
end
if dropping then
  for i = 1, #fields, 2 do
    local topic = string.match(fields[i], '^[gt]:(%d+):%d+')
    if topic and drop[topic] then table.insert(doomed, fields[i]) end
  end
end
if #doomed > 0 then redis.call('HDEL', key, unpack(doomed)) end
if redis.call('EXISTS', key) == 1 then redis.call('PEXPIRE', key, ARGV[4]) end
return out
