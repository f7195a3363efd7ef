-- mapslice.lua: the same work as bench/interp/mapslice.go.
local xs = {}
for i = 0, 199999 do
  xs[#xs + 1] = i * 7919 % 100003
end
local counts = {}
for _, x in ipairs(xs) do
  local k = x % 1000
  counts[k] = (counts[k] or 0) + 1
end
local total, n = 0, 0
for k, v in pairs(counts) do
  total = total + k * v
  n = n + 1
end
print(#xs .. " " .. n .. " " .. total)
