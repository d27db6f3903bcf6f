/**
 * One Lua script per operation (no WATCH/MULTI). Every key a script touches shares the campaign's hash tag, so
 * the scripts run unchanged on Redis Cluster. ioredis loads each once and calls it by SHA (EVALSHA, falling back
 * to EVAL after a SCRIPT FLUSH or failover).
 */

/** Group commit: the batches of one campaign's instances (one hash slot) in one script, each with its own version
 *  and key check; one reply per batch, in order: {1, version} on success, {0, currentVersion or -1} on a version
 *  conflict, {2, key…} for taken keys (nothing of that batch written).
 *  {3, index…}: takes (0-based indexes into the batch's counter changes) that found no room, nothing written.
 *  KEYS: timer zset, timer data, timer leases, outbox stream; then per batch: instance, keys set, timer names, and
 *        for each counter change its counter, holders and replaceable-holder keys.
 *  ARGV: nonce (unique per call: run again after a reconnect, the call answers as it did the first time),
 *        campaignId; then per batch: expectedVersion, snapshot, kind, now, instanceId, keys (JSON string[]),
 *        upsert (JSON [timerId, dueAt, eventJson][]), cancel (JSON string[]),
 *        outbox (JSON [type, dedupeKey, payloadJson][]), counters (JSON [op, holder, qty, capacity][]). */
export const COMMIT = `
-- A batch's counter changes in order, from KEYS[k] on. Without apply it only answers which takes would find no
-- room (each judged with the changes before it applied); with apply it makes them (there is room for all).
local function change_counters(list, k, apply)
  local left, held, short = {}, {}, {}
  for i, ch in ipairs(list) do
    local kc, kh, kr = KEYS[k + 3 * (i - 1)], KEYS[k + 3 * (i - 1) + 1], KEYS[k + 3 * (i - 1) + 2]
    local op, holder = ch[1], ch[2]
    local r = left[kc]
    if r == nil then
      r = tonumber(redis.call('GET', kc) or '-1')
      if r < 0 then r = (op == 'take') and tonumber(ch[4]) or 0 end
    end
    local hk = kh .. '\\n' .. holder
    local h = held[hk]
    if h == nil then h = tonumber(redis.call('HGET', kh, holder) or '0') end
    if op == 'give' then
      if h > 0 then
        left[kc] = r + h
        held[hk] = 0
        if apply then
          redis.call('HDEL', kh, holder)
          if redis.call('GET', kr) == holder then redis.call('DEL', kr) end
          redis.call('INCRBY', kc, h)
        end
      end
    elseif h == 0 then
      local qty = tonumber(ch[3])
      if r < qty then
        short[#short + 1] = i - 1
      else
        left[kc] = r - qty
        held[hk] = qty
        if apply then
          if redis.call('EXISTS', kc) == 0 then redis.call('SET', kc, tonumber(ch[4])) end
          redis.call('DECRBY', kc, qty)
          redis.call('HSET', kh, holder, qty)
        end
      end
    end
  end
  return short
end

local function commit(instance, keySet, timerNames, a, nonce, list, k)
  local expected = tonumber(ARGV[a])
  local current = tonumber(redis.call('HGET', instance, 'v') or '0')
  if current == expected + 1 and redis.call('HGET', instance, 'n') == nonce then
    return {1, current}
  end
  if current ~= expected then
    if current == 0 then return {0, -1} end
    return {0, current}
  end
  local keys = cjson.decode(ARGV[a + 5])
  if #keys > 0 and current > 0 then
    local taken = {2}
    for i = 1, #keys, 1000 do
      local chunk = {unpack(keys, i, math.min(i + 999, #keys))}
      local flags = redis.call('SMISMEMBER', keySet, unpack(chunk))
      for j, flag in ipairs(flags) do
        if flag == 1 then taken[#taken + 1] = chunk[j] end
      end
    end
    if #taken > 1 then return taken end
  end
  if #list > 0 then
    local short = change_counters(list, k, false)
    if #short > 0 then return {3, unpack(short)} end
    change_counters(list, k, true)
  end
  local version = current + 1
  local id = ARGV[a + 4]
  redis.call('HSET', instance, 'v', version, 's', ARGV[a + 1], 'k', ARGV[a + 2], 'c', ARGV[2], 'u', ARGV[a + 3], 'n', nonce)
  for i = 1, #keys, 1000 do
    redis.call('SADD', keySet, unpack(keys, i, math.min(i + 999, #keys)))
  end
  for _, timerId in ipairs(cjson.decode(ARGV[a + 7])) do
    local member = id .. '\\n' .. timerId
    redis.call('ZREM', KEYS[1], member)
    redis.call('HDEL', KEYS[2], member)
    redis.call('HDEL', KEYS[3], member)
    redis.call('SREM', timerNames, timerId)
  end
  for _, t in ipairs(cjson.decode(ARGV[a + 6])) do
    local member = id .. '\\n' .. t[1]
    redis.call('ZADD', KEYS[1], t[2], member)
    redis.call('HSET', KEYS[2], member, t[2] .. '\\n' .. t[3])
    redis.call('HDEL', KEYS[3], member)
    redis.call('SADD', timerNames, t[1])
  end
  for _, o in ipairs(cjson.decode(ARGV[a + 8])) do
    redis.call('XADD', KEYS[4], '*', 'i', id, 't', o[1], 'd', o[2], 'p', o[3])
  end
  return {1, version}
end
local out = {}
local k = 5
local b = 0
while k <= #KEYS do
  local a = 3 + 10 * b
  local list = cjson.decode(ARGV[a + 9])
  -- Each batch's nonce is its own: a later batch of the same instance in this call is never mistaken for a rerun.
  out[b + 1] = commit(KEYS[k], KEYS[k + 1], KEYS[k + 2], a, ARGV[1] .. ':' .. b, list, k + 3)
  k = k + 3 + 3 * #list
  b = b + 1
end
return out
`;

/** KEYS: timer zset, timer data, timer leases. ARGV: now, limit, leaseMs, leaseId.
 *  A leased timer's score becomes its lease expiry, so it is hidden until then. */
export const CLAIM_TIMERS = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[3]), member)
  redis.call('HSET', KEYS[3], member, ARGV[4])
  out[#out + 1] = member
  out[#out + 1] = redis.call('HGET', KEYS[2], member)
end
return out
`;

/**
 * Acknowledges timers of one campaign. KEYS: timer zset, timer data, timer leases, then each timer's instance timer
 * names. ARGV: member, leaseId, timerId for each timer, in the order of its KEYS. Returns how many were removed.
 */
export const ACK_TIMERS = `
local removed = 0
for i = 4, #KEYS do
  local a = (i - 4) * 3
  local member = ARGV[a + 1]
  if redis.call('HGET', KEYS[3], member) == ARGV[a + 2] then
    redis.call('ZREM', KEYS[1], member)
    redis.call('HDEL', KEYS[2], member)
    redis.call('HDEL', KEYS[3], member)
    redis.call('SREM', KEYS[i], ARGV[a + 3])
    removed = removed + 1
  end
end
return removed
`;

/**
 * KEYS: counter, holders, replaceable holder. ARGV: holder, qty, capacity, mode (see \`ReserveMode\`), the holder a
 * take-over must replace ('' = any).
 * Returns {ok, remaining, duplicate, replaced}.
 */
export const RESERVE = `
local remaining = tonumber(redis.call('GET', KEYS[1]) or '-1')
if remaining < 0 then
  remaining = tonumber(ARGV[3])
  redis.call('SET', KEYS[1], remaining)
end
local mode = ARGV[4]
local current = redis.call('GET', KEYS[3])
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  if mode ~= 'replaceable' and mode ~= 'touch' and current == ARGV[1] then redis.call('DEL', KEYS[3]) end
  return {1, remaining, 1, false}
end
local qty = tonumber(ARGV[2])
if remaining >= qty then
  redis.call('SET', KEYS[1], remaining - qty)
  redis.call('HSET', KEYS[2], ARGV[1], qty)
  if mode == 'replaceable' or mode == 'touch' then redis.call('SET', KEYS[3], ARGV[1]) end
  return {1, remaining - qty, 0, false}
end
if current and mode == 'touch' then return {1, remaining, 0, current} end
if current and mode == 'settle' then
  redis.call('DEL', KEYS[3])
  return {1, remaining, 1, false}
end
if current and mode == 'replaceable' and (ARGV[5] == '' or ARGV[5] == current) then
  local held = redis.call('HGET', KEYS[2], current)
  redis.call('HDEL', KEYS[2], current)
  redis.call('HSET', KEYS[2], ARGV[1], held or qty)
  redis.call('SET', KEYS[3], ARGV[1])
  return {1, remaining, 0, current}
end
return {0, remaining, 0, false}
`;

/** KEYS: counter, holders, replaceable holder. ARGV: holder. */
export const RELEASE = `
local qty = redis.call('HGET', KEYS[2], ARGV[1])
if not qty then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('GET', KEYS[3]) == ARGV[1] then redis.call('DEL', KEYS[3]) end
redis.call('INCRBY', KEYS[1], qty)
return 1
`;

/** KEYS: instance, keys set, timer zset, timer data, timer leases, instance timer names. ARGV: instanceId. */
export const DELETE = `
local existed = redis.call('EXISTS', KEYS[1])
for _, timerId in ipairs(redis.call('SMEMBERS', KEYS[6])) do
  local member = ARGV[1] .. '\\n' .. timerId
  redis.call('ZREM', KEYS[3], member)
  redis.call('HDEL', KEYS[4], member)
  redis.call('HDEL', KEYS[5], member)
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[6])
return existed
`;

/** KEYS: board zset, reached-at hash, applied keys set. ARGV: member, delta, at, key. Returns {score, reachedAt, applied}. */
export const INCREMENT_SCORE = `
if redis.call('SADD', KEYS[3], ARGV[4]) == 0 then
  local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
  return {score or '0', redis.call('HGET', KEYS[2], ARGV[1]) or ARGV[3], 0}
end
local score = redis.call('ZINCRBY', KEYS[1], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return {score, ARGV[3], 1}
`;

/** KEYS: board zset, reached-at hash. ARGV: limit. Every entry tied with the last of the top `limit` by score,
 *  flattened as member, score, reachedAt — the caller orders ties by reachedAt and member. */
export const TOP_SCORES = `
local top = redis.call('ZREVRANGE', KEYS[1], tonumber(ARGV[1]) - 1, tonumber(ARGV[1]) - 1, 'WITHSCORES')
local floor = top[2] or '-inf'
local entries = redis.call('ZREVRANGEBYSCORE', KEYS[1], '+inf', floor, 'WITHSCORES')
local out = {}
for i = 1, #entries, 2 do
  out[#out + 1] = entries[i]
  out[#out + 1] = entries[i + 1]
  out[#out + 1] = redis.call('HGET', KEYS[2], entries[i]) or '0'
end
return out
`;

/** KEYS: board zset, reached-at hash. ARGV: member. Returns {score, reachedAt, entries with a higher score,
 *  then member, reachedAt pairs of those with the same score}. */
export const SCORE_OF = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return nil end
local out = {score, redis.call('HGET', KEYS[2], ARGV[1]) or '0', redis.call('ZCOUNT', KEYS[1], '(' .. score, '+inf')}
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], score, score)) do
  out[#out + 1] = member
  out[#out + 1] = redis.call('HGET', KEYS[2], member) or '0'
end
return out
`;

/** KEYS: consumer state hash, consumer names set. ARGV: name, owner, now, leaseMs.
 *  Returns {fence, leaseUntil, cursor or false} when granted, nil when another owner's lease is live. */
export const LEASE_CONSUMER = `
local owner = redis.call('HGET', KEYS[1], 'o')
local now = tonumber(ARGV[3])
if owner and owner ~= ARGV[2] and tonumber(redis.call('HGET', KEYS[1], 'u') or '0') > now then return nil end
local fence = tonumber(redis.call('HGET', KEYS[1], 'f') or '0')
if owner ~= ARGV[2] then fence = fence + 1 end
local leaseUntil = now + tonumber(ARGV[4])
redis.call('HSET', KEYS[1], 'o', ARGV[2], 'u', leaseUntil, 'f', fence)
redis.call('SADD', KEYS[2], ARGV[1])
return {fence, leaseUntil, redis.call('HGET', KEYS[1], 'c')}
`;

/** KEYS: consumer state hash, dead letters hash, dead letters zset (all scores 0: lexical order).
 *  ARGV: fence, '1' to move the cursor (else '0'), cursor, then dedupe key and dead letter JSON pairs.
 *  Returns 1, or 0 (nothing written) when the fence moved on. */
export const ADVANCE_CONSUMER = `
if redis.call('HGET', KEYS[1], 'f') ~= ARGV[1] then return 0 end
if ARGV[2] == '1' then redis.call('HSET', KEYS[1], 'c', ARGV[3]) end
for i = 4, #ARGV, 2 do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  redis.call('ZADD', KEYS[3], 0, ARGV[i])
end
return 1
`;

/** KEYS: consumer state hash, dead letters hash, dead letters zset, consumer names set. ARGV: name. */
export const DELETE_CONSUMER = `
local existed = redis.call('EXISTS', KEYS[1])
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
redis.call('SREM', KEYS[4], ARGV[1])
return existed
`;

/** KEYS: dead letters hash, dead letters zset. ARGV: dedupe key. Returns 1 if it existed. */
export const REMOVE_DEAD_LETTER = `
redis.call('ZREM', KEYS[2], ARGV[1])
return redis.call('HDEL', KEYS[1], ARGV[1])
`;
